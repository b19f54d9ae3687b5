#!/usr/bin/env node
// `npm run bench:upload`: Signdrop's engine against aws-cli, rclone and s3cmd on a private radosgw.
// Cases: (a) 1,000 × 64 KiB, (b) 20 × 8 MiB, (c) 1 × 1 GiB. Prints wall time, MB/s, client CPU
// seconds and peak RSS (from /usr/bin/time -v), and Signdrop's throughput ratio to the best peer.
// Env: BENCH_CASES (default a,b,c), BENCH_TOOLS (default signdrop,aws,rclone,s3cmd), BENCH_RUNS (default 1),
//      BENCH_VARIANTS (Signdrop settings to compare, e.g. "f8p4,f16p8": f = files at once, p = parts at once).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const KIB = 1024;
const MIB = 1024 * KIB;
const CASES = {
  a: { label: '1000 x 64 KiB', count: 1000, size: 64 * KIB },
  b: { label: '20 x 8 MiB', count: 20, size: 8 * MIB },
  c: { label: '1 x 1 GiB', count: 1, size: 1024 * MIB },
};
const cases = (process.env.BENCH_CASES ?? 'a,b,c').split(',');
const tools = (process.env.BENCH_TOOLS ?? 'signdrop,aws,rclone,s3cmd').split(',');
const runs = Number(process.env.BENCH_RUNS ?? 1);
const variants = (process.env.BENCH_VARIANTS ?? '').split(',').filter(Boolean);
const KEYS = { AWS_ACCESS_KEY_ID: 'TESTACCESSKEY', AWS_SECRET_ACCESS_KEY: 'TESTSECRETKEY', AWS_DEFAULT_REGION: 'us-east-1', AWS_REGION: 'us-east-1' };

function ensurePeers() {
  const missing = [
    ['/usr/bin/aws', 'awscli'],
    ['/usr/bin/rclone', 'rclone'],
    ['/usr/bin/s3cmd', 's3cmd'],
    ['/usr/bin/time', 'time'],
  ]
    .filter(([bin]) => !existsSync(bin))
    .map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  console.error(`installing ${missing.join(' ')} from Debian…`);
  execFileSync(sudo[0] ?? 'apt-get', [...(sudo.length ? ['apt-get'] : []), 'install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit' });
}

function makeData(root) {
  for (const id of cases) {
    const { count, size } = CASES[id];
    const dir = join(root, id);
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < count; i++) {
      const fd = openSync(join(dir, `f${String(i).padStart(4, '0')}.bin`), 'w');
      for (let left = size; left > 0; left -= 8 * MIB) writeSync(fd, randomBytes(Math.min(left, 8 * MIB)));
      closeSync(fd);
    }
  }
}

/** Runs a command under /usr/bin/time -v: wall seconds, CPU seconds (user + sys, children included), peak RSS in MB. */
function timed(cmd, args, env) {
  const out = join(tmpdir(), `bench-time-${process.pid}.txt`);
  const r = spawnSync('/usr/bin/time', ['-v', '-o', out, cmd, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * MIB });
  const t = readFileSync(out, 'utf8');
  const num = (re) => Number(re.exec(t)?.[1] ?? NaN);
  const wallText = /Elapsed \(wall clock\) time.*: (.+)/.exec(t)?.[1] ?? '0';
  const wall = wallText.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  if (r.status !== 0) console.error(`${cmd} failed (${r.status}): ${(r.stderr || r.stdout).slice(-600)}`);
  return {
    ok: r.status === 0,
    wall,
    cpu: num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/),
    rssMb: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024,
  };
}

function command(tool, dir, bucket, endpoint, variant) {
  const port = new URL(endpoint).host;
  switch (tool) {
    case 'signdrop': {
      const m = /f(\d+)p(\d+)/.exec(variant ?? '');
      return [
        process.execPath,
        [join(repo, 'scripts/bench-upload-signdrop.cjs'), dir, bucket],
        { ENDPOINT: endpoint, ...(m ? { FILE_CONCURRENCY: m[1], PART_CONCURRENCY: m[2] } : {}) },
      ];
    }
    case 'aws':
      return ['/usr/bin/aws', ['--endpoint-url', endpoint, 's3', 'cp', '--recursive', '--only-show-errors', dir, `s3://${bucket}/aws/`], {}];
    case 'rclone':
      // The AWS_CA_BUNDLE set on these machines breaks rclone (services reference).
      return [
        '/usr/bin/env',
        [
          '-u',
          'AWS_CA_BUNDLE',
          '/usr/bin/rclone',
          'copy',
          dir,
          `:s3:${bucket}/rclone`,
          '--s3-provider',
          'Other',
          '--s3-endpoint',
          endpoint,
          '--s3-access-key-id',
          KEYS.AWS_ACCESS_KEY_ID,
          '--s3-secret-access-key',
          KEYS.AWS_SECRET_ACCESS_KEY,
          '--s3-region',
          'us-east-1',
          '--s3-force-path-style',
        ],
        {},
      ];
    case 's3cmd': {
      const cfg = join(tmpdir(), 'bench-s3cmd.cfg');
      writeFileSync(cfg, '[default]\n');
      return [
        '/usr/bin/s3cmd',
        [
          '-c',
          cfg,
          '--host',
          port,
          '--host-bucket',
          port,
          '--no-ssl',
          '--access_key',
          KEYS.AWS_ACCESS_KEY_ID,
          '--secret_key',
          KEYS.AWS_SECRET_ACCESS_KEY,
          '--region',
          'us-east-1',
          '--quiet',
          'put',
          '--recursive',
          dir,
          `s3://${bucket}/s3cmd/`,
        ],
        {},
      ];
    }
    default:
      throw new Error(`unknown tool ${tool}`);
  }
}

function main() {
  ensurePeers();
  execFileSync('npx', ['tsc', '-p', 'cli/tsconfig.json'], { cwd: repo, stdio: 'inherit' });
  const rgwDir = mkdtempSync(join(tmpdir(), 'signdrop-bench-rgw-'));
  const started = execFileSync('bash', [join(repo, 'scripts/rgw/start.sh')], {
    env: { ...process.env, RGW_DIR: rgwDir, MEM_BYTES: String(10 * 1024 * MIB) },
    encoding: 'utf8',
  });
  const endpoint = /SIGNDROP_S3_ENDPOINT=(\S+)/.exec(started)[1];
  const data = mkdtempSync(join(tmpdir(), 'signdrop-bench-data-'));
  const stop = () => {
    spawnSync('bash', [join(repo, 'scripts/rgw/stop.sh')], { env: { ...process.env, RGW_DIR: rgwDir } });
    rmSync(data, { recursive: true, force: true });
  };
  process.on('SIGINT', () => (stop(), process.exit(130)));
  try {
    makeData(data);
    const entrants = tools.flatMap((t) => (t === 'signdrop' && variants.length ? variants.map((v) => ({ tool: t, variant: v })) : [{ tool: t }]));
    const rows = [];
    let bucketNo = 0;
    for (const id of cases) {
      const bytes = CASES[id].count * CASES[id].size;
      for (let run = 0; run < runs; run++) {
        // Alternate: each case and run starts with a different tool, so no tool always runs on a warm (or cold) server.
        const order = entrants.map((_, i) => entrants[(i + run + cases.indexOf(id)) % entrants.length]);
        for (const e of order) {
          const bucket = `bench-${id}-${bucketNo++}`;
          execFileSync('/usr/bin/aws', ['--endpoint-url', endpoint, 's3', 'mb', `s3://${bucket}`], { env: { ...process.env, ...KEYS }, stdio: 'ignore' });
          const [cmd, args, env] = command(e.tool, join(data, id), bucket, endpoint, e.variant);
          const m = timed(cmd, args, { ...KEYS, ...env });
          const name = e.variant ? `signdrop ${e.variant}` : e.tool;
          rows.push({ case: id, name, ...m, mbps: bytes / MIB / m.wall });
          console.error(`${CASES[id].label}  ${name.padEnd(16)} ${m.ok ? '' : 'FAILED '}${m.wall.toFixed(2)} s`);
        }
      }
    }
    report(rows);
  } finally {
    stop();
  }
}

function report(rows) {
  console.log('\ncase            tool              wall s    MiB/s   CPU s  peak RSS MB');
  for (const id of cases) {
    const mine = rows.filter((r) => r.case === id);
    const names = [...new Set(mine.map((r) => r.name))];
    const best = {};
    for (const n of names) {
      const rs = mine.filter((r) => r.name === n && r.ok);
      if (rs.length === 0) continue;
      // Median run, so one noisy neighbour on the shared cores does not decide.
      const med = rs.sort((x, y) => x.wall - y.wall)[Math.floor(rs.length / 2)];
      best[n] = med;
      console.log(
        `${CASES[id].label.padEnd(16)}${n.padEnd(18)}${med.wall.toFixed(2).padStart(7)}${med.mbps.toFixed(1).padStart(9)}${med.cpu.toFixed(2).padStart(8)}${med.rssMb.toFixed(0).padStart(13)}`,
      );
    }
    const peers = Object.entries(best).filter(([n]) => !n.startsWith('signdrop'));
    const ours = Object.entries(best).filter(([n]) => n.startsWith('signdrop'));
    if (peers.length && ours.length) {
      const [peerName, peer] = peers.sort((x, y) => y[1].mbps - x[1].mbps)[0];
      for (const [n, r] of ours) console.log(`${' '.repeat(16)}${n} / best peer (${peerName}): ${(r.mbps / peer.mbps).toFixed(2)}x throughput`);
    }
  }
}

main();
