#!/usr/bin/env node
// `npm run bench:upload`: the `signdrop` command as users run it (bin/signdrop.js, keys from the
// environment, a link printed per file), the same command as the single executable (one-file case:
// there only its start differs), the engine alone, and aws-cli, rclone and s3cmd, on a private
// radosgw. Cases: (one) 1 file of 6 bytes, (a) 1,000 × 64 KiB, (b) 20 × 8 MiB, (c) 1 × 1 GiB. Every case
// runs each entrant BENCH_RUNS times, interleaved (each round starts with a different entrant, so none
// always meets a warm or a cold server), and prints medians of wall time, MiB/s, client CPU seconds and
// peak RSS (from /usr/bin/time -v), and each Signdrop entrant's throughput over the best peer's.
// Env: BENCH_CASES (default one,a,b,c), BENCH_TOOLS (default signdrop,binary,engine,aws,rclone,s3cmd;
//      `binary` runs in the bigger cases only when named here),
//      BENCH_RUNS (default 3), BENCH_VARIANTS (engine settings to compare, e.g. "f8p4,f16p8":
//      f = files at once, p = parts at once, optional s = part size in MiB: "f8p4s16"), BENCH_NO_BUILD=1 to run the CLI as already built.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBinary } from './bench-upload-binary.mjs';
import { commandFor, KEYS, missingTools, timed } from './bench-upload-tools.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const KIB = 1024;
const MIB = 1024 * KIB;
const CASES = {
  one: { label: '1 x 6 B', count: 1, size: 6 },
  a: { label: '1000 x 64 KiB', count: 1000, size: 64 * KIB },
  b: { label: '20 x 8 MiB', count: 20, size: 8 * MIB },
  c: { label: '1 x 1 GiB', count: 1, size: 1024 * MIB },
};
const cases = (process.env.BENCH_CASES ?? 'one,a,b,c').split(',');
const tools = (process.env.BENCH_TOOLS ?? 'signdrop,binary,engine,aws,rclone,s3cmd').split(',');
/** Elsewhere the executable runs the same engine as `signdrop`, and its start is lost in seconds of transfer. */
const binaryCases = process.env.BENCH_TOOLS?.split(',').includes('binary') ? cases : ['one'];
const runs = Number(process.env.BENCH_RUNS ?? 3);
const variants = (process.env.BENCH_VARIANTS ?? '').split(',').filter(Boolean);
const PEERS = new Set(['aws', 'rclone', 's3cmd']);

/** One folder per case; the one-file case is uploaded as a file, as a script uploading a report does. */
function makeData(root) {
  for (const id of cases) {
    const { count, size } = CASES[id];
    const dir = join(root, id);
    mkdirSync(dir, { recursive: true });
    if (id === 'one') {
      writeFileSync(join(dir, 'report.txt'), 'hello\n');
      continue;
    }
    for (let i = 0; i < count; i++) {
      const fd = openSync(join(dir, `f${String(i).padStart(4, '0')}.bin`), 'w');
      for (let left = size; left > 0; left -= 8 * MIB) writeSync(fd, randomBytes(Math.min(left, 8 * MIB)));
      closeSync(fd);
    }
  }
}

const aws = (endpoint, args) =>
  execFileSync('/usr/bin/aws', ['--endpoint-url', endpoint, 's3', ...args], { env: { ...process.env, ...KEYS }, stdio: 'ignore' });

/**
 * Empties the store after a run: buckets removed, and radosgw's garbage collector run at once (it
 * otherwise keeps deleted objects for hours, and the in-memory store would fill up by the big case).
 */
function cleanUp(endpoint, rgwDir, bucket) {
  aws(endpoint, ['rb', '--force', `s3://${bucket}`]);
  execFileSync('radosgw-admin', ['gc', 'process', '--include-all'], { env: { ...process.env, CEPH_CONF: join(rgwDir, 'ceph.conf') }, stdio: 'ignore' });
}

/**
 * One untimed upload first: a fresh radosgw sets up its data pool on the first object it stores, and
 * whichever entrant came first paid for it (a one-file run of 1.6 s where the others took 0.3-0.8 s).
 */
function warmUp(endpoint, rgwDir, data) {
  const file = join(data, 'warm-up.txt');
  writeFileSync(file, 'warm\n');
  aws(endpoint, ['mb', 's3://bench-warm-up']);
  aws(endpoint, ['cp', '--only-show-errors', file, 's3://bench-warm-up/warm-up.txt']);
  cleanUp(endpoint, rgwDir, 'bench-warm-up');
}

function runAll(endpoint, rgwDir, data) {
  const all = tools.flatMap((t) => (t === 'engine' && variants.length ? variants.map((v) => ({ tool: t, variant: v })) : [{ tool: t }]));
  const rows = [];
  let bucketNo = 0;
  for (const id of cases) {
    const bytes = CASES[id].count * CASES[id].size;
    const entrants = all.filter((e) => e.tool !== 'binary' || binaryCases.includes(id));
    for (let run = 0; run < runs; run++) {
      const order = entrants.map((_, i) => entrants[(i + run + cases.indexOf(id)) % entrants.length]);
      for (const e of order) {
        const bucket = `bench-${id}-${bucketNo++}`;
        aws(endpoint, ['mb', `s3://${bucket}`]);
        const isFile = id === 'one';
        const source = isFile ? join(data, id, 'report.txt') : join(data, id);
        const [cmd, args, env] = commandFor(e, { repo, source, isFile, bucket, endpoint, configDir: join(data, 'config') });
        const m = timed(cmd, args, { ...KEYS, ...env });
        const name = e.variant ? `${e.tool} ${e.variant}` : e.tool;
        rows.push({ case: id, name, ...m, mbps: bytes / MIB / m.wall });
        console.error(`${CASES[id].label.padEnd(14)} ${name.padEnd(14)} ${m.ok ? '' : 'FAILED '}${m.wall.toFixed(2)} s`);
        if (bytes >= 64 * MIB) cleanUp(endpoint, rgwDir, bucket);
      }
    }
  }
  return rows;
}

function median(rs) {
  const pick = (k) => [...rs].map((r) => r[k]).sort((x, y) => x - y)[Math.floor(rs.length / 2)];
  return { wall: pick('wall'), cpu: pick('cpu'), rssMb: pick('rssMb'), mbps: pick('mbps') };
}

function report(rows) {
  console.log(`\nmedians of ${runs} run(s); ratio = best peer's wall time / this one's (above 1: faster than every peer)`);
  console.log('case           entrant            wall s    MiB/s   CPU s  peak RSS MB   ratio');
  for (const id of cases) {
    const mine = rows.filter((r) => r.case === id);
    const names = [...new Set(mine.map((r) => r.name))];
    const med = Object.fromEntries(
      names.flatMap((n) => (mine.some((r) => r.name === n && r.ok) ? [[n, median(mine.filter((r) => r.name === n && r.ok))]] : [])),
    );
    const peers = Object.entries(med).filter(([n]) => PEERS.has(n));
    const best = peers.sort((x, y) => x[1].wall - y[1].wall)[0];
    for (const n of names) {
      const m = med[n];
      if (!m) {
        console.log(`${CASES[id].label.padEnd(15)}${n.padEnd(18)}  failed`);
        continue;
      }
      const ratio = best && !PEERS.has(n) ? `${(best[1].wall / m.wall).toFixed(2)}x ${best[0]}` : '';
      console.log(
        `${CASES[id].label.padEnd(15)}${n.padEnd(18)}${m.wall.toFixed(2).padStart(7)}${m.mbps.toFixed(1).padStart(9)}${m.cpu.toFixed(2).padStart(8)}${m.rssMb.toFixed(0).padStart(13)}   ${ratio}`,
      );
    }
  }
}

function main() {
  const missing = missingTools(tools);
  if (missing.length) {
    console.error(`bench:upload needs: apt-get install -y ${missing.join(' ')} (or leave those tools out with BENCH_TOOLS)`);
    process.exit(2);
  }
  if (!process.env.BENCH_NO_BUILD) execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: repo, stdio: 'inherit' });
  if (tools.includes('binary') && !ensureBinary(repo)) tools.splice(tools.indexOf('binary'), 1);
  const rgwDir = mkdtempSync(join(tmpdir(), 'signdrop-bench-rgw-'));
  const started = execFileSync('bash', [join(repo, 'scripts/rgw/start.sh')], {
    env: { ...process.env, RGW_DIR: rgwDir, MEM_BYTES: String(6 * 1024 * MIB) },
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
    warmUp(endpoint, rgwDir, data);
    report(runAll(endpoint, rgwDir, data));
  } finally {
    stop();
  }
}

main();
