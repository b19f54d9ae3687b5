/**
 * `signdrop profile add` tests before saving, `profile edit` changes a saved profile and keeps its
 * keychain secret, and `profile default` picks the profile commands use when several exist: the
 * built CLI against radosgw and the private keyring.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestBucket, RGW_USER, rgwEndpoint } from '../../support/s3';
import { buildCli } from './build-cli';
import { envKeys, keychainItems } from './cli-fixtures';
import { download, newConfigDir, signdrop } from './cli-harness';

beforeAll(async () => {
  await buildCli();
}, 120_000);

const onRgw = (bucket: string) => ['--endpoint', rgwEndpoint(), '--region', 'us-east-1', '--bucket', bucket, '--path-style'];

/** The id profiles.json gives a profile: what settings.json names as the default. */
async function profileId(config: string, name: string): Promise<string> {
  const file = JSON.parse(await readFile(join(config, 'profiles.json'), 'utf8')) as
    { profiles?: { id: string; name: string }[] } | { id: string; name: string }[];
  const list = Array.isArray(file) ? file : (file.profiles ?? []);
  return list.find((p) => p.name === name)!.id;
}

describe('signdrop profile add tests before saving', () => {
  it('a wrong secret saves nothing and says how to save anyway; --no-test saves it', async () => {
    const bucket = await createTestBucket('cli-add-test');
    const config = await newConfigDir();
    const wrong = `wrong-${randomBytes(6).toString('hex')}`;
    const env = { ...envKeys({ accessKeyId: RGW_USER.accessKeyId, secretAccessKey: wrong }), SIGNDROP_CONFIG_DIR: config };
    const refused = await signdrop(['profile', 'add', 'typo', ...onRgw(bucket), '--json'], env);
    expect(refused.code).toBe(1);
    expect(refused.lines[0]).toMatchObject({ profile: 'typo', error: { code: 'signature-mismatch' } });
    expect(refused.stderr).toMatch(/profile "typo" was not saved: .*--no-test/s);
    expect((await signdrop(['profile', 'list', '--json'], { SIGNDROP_CONFIG_DIR: config })).lines).toEqual([]);
    expect(await keychainItems()).not.toContain(wrong);

    const untested = await signdrop(['profile', 'add', 'typo', ...onRgw(bucket), '--no-test'], env);
    expect(untested.code).toBe(0);
    expect(untested.stderr).toContain('Check it with: signdrop profile test "typo"');
    expect(await keychainItems()).toContain(wrong);
    expect((await signdrop(['profile', 'test', 'typo'], { SIGNDROP_CONFIG_DIR: config })).code).toBe(1);
  });
});

describe('signdrop profile edit', () => {
  it('moves a profile to another bucket, keeping its keychain secret: the next upload lands there', async () => {
    const [first, second] = [await createTestBucket('cli-edit-a'), await createTestBucket('cli-edit-b')];
    const config = await newConfigDir();
    expect((await signdrop(['profile', 'add', 'work', ...onRgw(first)], { ...envKeys(), SIGNDROP_CONFIG_DIR: config })).code).toBe(0);
    // No keys in the environment from here on: the edit and the upload sign with the keychain's secret.
    const env = { SIGNDROP_CONFIG_DIR: config };
    const edit = await signdrop(['profile', 'edit', 'work', '--bucket', second, '--expires', '3h', '--key-template', 'edited/{filename}', '--json'], env);
    expect(edit.stderr).toBe('');
    expect(edit.code).toBe(0);
    expect(edit.lines[0]).toMatchObject({ name: 'work', bucket: second, pathStyle: true, defaultExpirySeconds: 10_800, keyTemplate: 'edited/{filename}' });

    const file = join(await mkdtemp(join(tmpdir(), 'signdrop-cli-edit-')), 'moved.txt');
    await writeFile(file, 'to the second bucket\n');
    const upload = await signdrop(['upload', file, '--json'], env);
    expect(upload.code).toBe(0);
    expect(upload.lines[0]).toMatchObject({ bucket: second, key: 'edited/moved.txt' });
    expect((await download(upload.lines[0]!['url'] as string)).bytes.toString()).toBe('to the second bucket\n');
  });

  it('refuses an edit whose test fails and keeps the profile as it was; --no-path-style turns path-style off', async () => {
    const bucket = await createTestBucket('cli-edit-keep');
    const config = await newConfigDir();
    await signdrop(['profile', 'add', 'keep', ...onRgw(bucket)], { ...envKeys(), SIGNDROP_CONFIG_DIR: config });
    const env = { SIGNDROP_CONFIG_DIR: config };
    const missing = `cli-edit-missing-${randomBytes(4).toString('hex')}`;
    const refused = await signdrop(['profile', 'edit', 'keep', '--bucket', missing], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/profile "keep" was not saved: .*bucket/i);
    expect((await signdrop(['profile', 'list', '--json'], env)).lines[0]).toMatchObject({ bucket });

    const off = await signdrop(['profile', 'edit', 'keep', '--no-path-style', '--no-test', '--json'], env);
    expect(off.code).toBe(0);
    expect(off.lines[0]).toMatchObject({ bucket, pathStyle: false });
    const nothing = await signdrop(['profile', 'edit', 'keep'], env);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('Say what to change');
  });
});

describe('signdrop profile default', () => {
  it('with several profiles, commands use the default one; the shared settings file names it', async () => {
    const [a, b] = [await createTestBucket('cli-default-a'), await createTestBucket('cli-default-b')];
    const config = await newConfigDir();
    for (const [name, bucket] of [
      ['alpha', a],
      ['beta', b],
    ] as const) {
      expect((await signdrop(['profile', 'add', name, ...onRgw(bucket)], { ...envKeys(), SIGNDROP_CONFIG_DIR: config })).code).toBe(0);
    }
    const env = { SIGNDROP_CONFIG_DIR: config };
    const ambiguous = await signdrop(['link', 'k'], env);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('signdrop profile default NAME');

    const set = await signdrop(['profile', 'default', 'beta'], env);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('"beta" is now the default profile.');
    const settings = JSON.parse(await readFile(join(config, 'settings.json'), 'utf8')) as { defaultProfileId: string };
    expect(settings.defaultProfileId).toBe(await profileId(config, 'beta'));
    // The list marks it, in words and in --json.
    const listed = (await signdrop(['profile', 'list'], env)).stdout.split('\n');
    expect(listed[0]).toMatch(/^"alpha": bucket /);
    expect(listed[1]).toMatch(/^"beta" \(default\): bucket /);
    const json = (await signdrop(['profile', 'list', '--json'], env)).lines;
    expect(json.map((p) => [p['name'], p['default']])).toEqual([
      ['alpha', false],
      ['beta', true],
    ]);
    const link = await signdrop(['link', 'k', '--no-check', '--json'], env);
    expect(link.code).toBe(0);
    expect(link.lines[0]!['url']).toContain(`/${b}/k?`);
    // --profile still wins over the default.
    expect((await signdrop(['link', 'k', '--profile', 'alpha', '--no-check', '--json'], env)).lines[0]!['url']).toContain(`/${a}/k?`);
    expect((await signdrop(['profile', 'default', 'gamma'], env)).stderr).toContain('There is no profile named "gamma"');
  });
});
