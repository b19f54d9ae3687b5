// The entrants of `npm run bench:upload`, each as the command line a user would type, and how one
// run is measured. Kept apart from the runner so the list of tools reads on its own.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliBinaryPath } from './cli-binary-path.mjs';

export const KEYS = { AWS_ACCESS_KEY_ID: 'TESTACCESSKEY', AWS_SECRET_ACCESS_KEY: 'TESTSECRETKEY', AWS_DEFAULT_REGION: 'us-east-1', AWS_REGION: 'us-east-1' };

/** The peers, from Debian; the benchmark installs nothing itself and says what is missing instead. */
const PEERS = [
  ['aws', '/usr/bin/aws', 'awscli'],
  ['rclone', '/usr/bin/rclone', 'rclone'],
  ['s3cmd', '/usr/bin/s3cmd', 's3cmd'],
];

/** Tools asked for that cannot run here, with the command that would install them. */
export function missingTools(tools) {
  const missing = PEERS.filter(([name, bin]) => tools.includes(name) && !existsSync(bin)).map(([, , pkg]) => pkg);
  if (!existsSync('/usr/bin/time')) missing.push('time');
  return missing;
}

/** Runs a command under /usr/bin/time -v: wall seconds, CPU seconds (user + sys, children included), peak RSS in MB. */
export function timed(cmd, args, env) {
  const out = join(tmpdir(), `bench-time-${process.pid}.txt`);
  const r = spawnSync('/usr/bin/time', ['-v', '-o', out, cmd, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
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

/**
 * The command line of one entrant uploading `source` (a folder, or one file) into `bucket`:
 * [command, args, extra environment]. `signdrop` is the built command a user runs (keys from the
 * environment, link printed); `binary` is the same command as the single executable; `engine` is the upload queue alone, without the command around it.
 * The command keeps its queue and link history in `configDir`, the bench's own, never the user's.
 */
export function commandFor(entrant, { repo, source, isFile, bucket, endpoint, configDir }) {
  const { tool, variant } = entrant;
  const m = /f(\d+)p(\d+)(?:s(\d+))?/.exec(variant ?? '');
  const concurrency = m ? { FILE_CONCURRENCY: m[1], PART_CONCURRENCY: m[2], ...(m[3] ? { PART_SIZE_MIB: m[3] } : {}) } : {};
  const host = new URL(endpoint).host;
  switch (tool) {
    case 'signdrop':
      return [
        process.execPath,
        [join(repo, 'bin/signdrop.js'), 'upload', source, '--endpoint', endpoint, '--bucket', bucket, '--region', 'us-east-1', '--path-style', '--json'],
        { SIGNDROP_CONFIG_DIR: configDir },
      ];
    case 'binary':
      return [
        cliBinaryPath(repo),
        ['upload', source, '--endpoint', endpoint, '--bucket', bucket, '--region', 'us-east-1', '--path-style', '--json'],
        { SIGNDROP_CONFIG_DIR: configDir },
      ];
    case 'engine':
      return [process.execPath, [join(repo, 'scripts/bench-upload-signdrop.cjs'), source, bucket], { ENDPOINT: endpoint, ...concurrency }];
    case 'aws':
      return isFile
        ? ['/usr/bin/aws', ['--endpoint-url', endpoint, 's3', 'cp', '--only-show-errors', source, `s3://${bucket}/aws/one`], {}]
        : ['/usr/bin/aws', ['--endpoint-url', endpoint, 's3', 'cp', '--recursive', '--only-show-errors', source, `s3://${bucket}/aws/`], {}];
    case 'rclone': {
      const flags = ['--s3-provider', 'Other', '--s3-endpoint', endpoint, '--s3-region', 'us-east-1', '--s3-force-path-style'];
      const keys = ['--s3-access-key-id', KEYS.AWS_ACCESS_KEY_ID, '--s3-secret-access-key', KEYS.AWS_SECRET_ACCESS_KEY];
      // The AWS_CA_BUNDLE set on some machines breaks rclone; it talks plain HTTP here anyway.
      const verb = isFile ? ['copyto', source, `:s3:${bucket}/rclone/one`] : ['copy', source, `:s3:${bucket}/rclone`];
      return ['/usr/bin/env', ['-u', 'AWS_CA_BUNDLE', '/usr/bin/rclone', ...verb, ...flags, ...keys], {}];
    }
    case 's3cmd': {
      const cfg = join(tmpdir(), 'bench-s3cmd.cfg');
      writeFileSync(cfg, '[default]\n');
      const keys = ['--access_key', KEYS.AWS_ACCESS_KEY_ID, '--secret_key', KEYS.AWS_SECRET_ACCESS_KEY];
      const where = ['-c', cfg, '--host', host, '--host-bucket', host, '--no-ssl', '--region', 'us-east-1', '--quiet'];
      return ['/usr/bin/s3cmd', [...where, ...keys, 'put', ...(isFile ? [] : ['--recursive']), source, `s3://${bucket}/s3cmd/`], {}];
    }
    default:
      throw new Error(`unknown tool ${tool}`);
  }
}
