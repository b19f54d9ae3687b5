/**
 * The single executable (`npm run build:cli-binary`) as someone without Node runs it: by absolute
 * path, with an environment holding nothing but what the test names (no PATH, so no `node`).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestBucket, rgwEndpoint } from '../../support/s3';
import { buildCli } from './build-cli';
import { envKeys } from './cli-fixtures';
import { download, md5, newConfigDir, ROOT } from './cli-harness';

const run = promisify(execFile);
const osName = ({ darwin: 'macos', win32: 'win' } as Record<string, string>)[process.platform] ?? process.platform;
const EXE = join(ROOT, 'dist', 'cli', `signdrop-${osName}-${process.arch}`);

beforeAll(async () => {
  await buildCli();
  // The executable carries the Node that builds it: a supported one, installed into the project if need be.
  const { stdout } = await run('bash', [join(ROOT, 'scripts', 'ensure-node.sh')], { cwd: ROOT });
  const node = stdout.trim() ? join(stdout.trim(), 'node') : process.execPath;
  await run(node, [join(ROOT, 'scripts', 'build-cli-binary.mjs')], { cwd: ROOT, timeout: 240_000 });
}, 300_000);

async function binary(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(EXE, args, { env, timeout: 60_000 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

describe('the single executable, with no Node on PATH', () => {
  it('prints its version and help', async () => {
    const { version } = (await import('../../../package.json')).default;
    const v = await binary(['--version'], {});
    expect(v).toMatchObject({ code: 0, stderr: '', stdout: `signdrop ${version}\n` });
    const help = await binary(['--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: signdrop <command>');
  });

  it('uploads a file with keys from the environment; the link downloads the exact bytes', async () => {
    const bucket = await createTestBucket('cli-binary');
    const dir = await mkdtemp(join(tmpdir(), 'signdrop-binary-'));
    const body = randomBytes(70_001);
    await writeFile(join(dir, 'report #1.pdf'), body);
    const r = await binary(
      ['upload', join(dir, 'report #1.pdf'), '--endpoint', rgwEndpoint(), '--region', 'us-east-1', '--bucket', bucket, '--path-style', '--json'],
      {
        ...envKeys(),
        SIGNDROP_CONFIG_DIR: await newConfigDir(),
      },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const line = JSON.parse(r.stdout.trim()) as { url: string; etag: string };
    expect(line.etag).toBe(md5(body));
    expect((await download(line.url)).bytes.equals(body)).toBe(true);
  });

  it('uploads with a profile whose secret is in the keychain, loading the keyring module from its own cache', async () => {
    const bucket = await createTestBucket('cli-binary-kc');
    const cache = await mkdtemp(join(tmpdir(), 'signdrop-binary-cache-'));
    const base = { SIGNDROP_CONFIG_DIR: await newConfigDir(), XDG_CACHE_HOME: cache, DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS'] ?? '' };
    const add = await binary(['profile', 'add', 'rgw', '--endpoint', rgwEndpoint(), '--region', 'us-east-1', '--bucket', bucket, '--path-style', '--json'], {
      ...base,
      ...envKeys(),
    });
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    const file = join(cache, 'photo.jpg');
    const body = randomBytes(3_333);
    await writeFile(file, body);
    const up = await binary(['upload', file, '--profile', 'rgw', '--json'], base);
    expect(up.stderr).toBe('');
    expect(up.code).toBe(0);
    const { url } = JSON.parse(up.stdout.trim()) as { url: string };
    expect((await download(url)).bytes.equals(body)).toBe(true);
    expect((await readdir(join(cache, 'signdrop', 'native'))).filter((f) => f.endsWith('.node'))).toHaveLength(1);
  });
});
