/**
 * What the built `signdrop` loads: one bundled file, plus the keychain's native module only when a
 * saved profile's secret is in the keychain. Each command is also run for real, so a lazy path that
 * broke would fail here, not at a user's.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminClient, createTestBucket, rgwEndpoint } from '../../support/s3';
import { buildCli } from './build-cli';
import { envKeys } from './cli-fixtures';
import { download, newConfigDir, ROOT, signdrop } from './cli-harness';

beforeAll(async () => {
  await buildCli();
}, 120_000);

/** Runs the CLI and answers what it required: our own files relative to the checkout, packages by name. */
async function loads(args: string[], env: Record<string, string>) {
  const log = join(await mkdtemp(join(tmpdir(), 'signdrop-load-')), 'log');
  const result = await signdrop(args, { ...env, NODE_OPTIONS: `--require ${join(__dirname, 'load-log.cjs')}`, SIGNDROP_LOAD_LOG: log });
  const files = JSON.parse((await readFile(log, 'utf8')).trim()) as string[];
  const names = files.map((f) => /node_modules\/((@[^/]+\/)?[^/]+)/.exec(f)?.[1] ?? relative(ROOT, f));
  return { result, names };
}

const BUNDLE_ONLY = ['bin/signdrop.js', 'out/cli/signdrop.cjs'];

describe('the built CLI loads only what the command needs', () => {
  it('--help, help <command>, link and put-url with keys from the environment: the bundle alone', async () => {
    const bucket = await createTestBucket('cli-load-sign');
    // link asks the store whether the key exists before signing: it does.
    await adminClient().send(new PutObjectCommand({ Bucket: bucket, Key: 'a/b.txt', Body: 'hello' }));
    const target = ['--endpoint', rgwEndpoint(), '--region', 'us-east-1', '--bucket', bucket, '--path-style'];
    const env = { ...envKeys(), SIGNDROP_CONFIG_DIR: await newConfigDir() };
    const help = await loads(['--help'], env);
    expect(help.result.stdout).toContain('upload <file-or-folder>...');
    const one = await loads(['help', 'link'], env);
    expect(one.result.stdout).toContain('link <key>');
    expect(one.result.stdout).not.toContain('profile add');
    const link = await loads(['link', 'a/b.txt', ...target, '--json'], env);
    expect(link.result.lines[0]).toMatchObject({ key: 'a/b.txt', method: 'GET' });
    const put = await loads(['put-url', 'a/b.txt', ...target, '--json'], env);
    expect(put.result.lines[0]).toMatchObject({ key: 'a/b.txt', method: 'PUT' });
    for (const run of [help, one, link, put]) {
      expect(run.result.code).toBe(0);
      expect(run.names).toEqual(BUNDLE_ONLY);
    }
  });

  it('uploads one file with keys from the environment without the keychain module', async () => {
    const bucket = await createTestBucket('cli-load-env');
    const file = join(await mkdtemp(join(tmpdir(), 'signdrop-load-file-')), 'report.txt');
    const body = randomBytes(6);
    await writeFile(file, body);
    const env = { ...envKeys(), SIGNDROP_CONFIG_DIR: await newConfigDir() };
    const up = await loads(['upload', file, '--endpoint', rgwEndpoint(), '--region', 'us-east-1', '--bucket', bucket, '--path-style', '--json'], env);
    expect(up.result.code).toBe(0);
    expect((await download(up.result.lines[0]!['url'] as string)).bytes.equals(body)).toBe(true);
    expect(up.names).toEqual(BUNDLE_ONLY);
  });

  it('loads the keychain module, and nothing else, when a saved profile keeps its secret there', async () => {
    const bucket = await createTestBucket('cli-load-saved');
    const config = await newConfigDir();
    const add = await signdrop(['profile', 'add', 'saved', '--endpoint', rgwEndpoint(), '--region', 'us-east-1', '--bucket', bucket, '--path-style'], {
      ...envKeys(),
      SIGNDROP_CONFIG_DIR: config,
    });
    expect(add.code).toBe(0);
    const file = join(await mkdtemp(join(tmpdir(), 'signdrop-load-file-')), 'saved.bin');
    const body = randomBytes(3000);
    await writeFile(file, body);
    const up = await loads(['upload', file, '--profile', 'saved', '--json'], { SIGNDROP_CONFIG_DIR: config });
    expect(up.result.code).toBe(0);
    expect((await download(up.result.lines[0]!['url'] as string)).bytes.equals(body)).toBe(true);
    expect(up.names.slice(0, 2)).toEqual(BUNDLE_ONLY);
    // The package, then its binary for this platform (@napi-rs/keyring-linux-x64-gnu here).
    expect(up.names[2]).toBe('@napi-rs/keyring');
    expect(up.names.slice(2).every((n) => n.startsWith('@napi-rs/keyring'))).toBe(true);
  });
});
