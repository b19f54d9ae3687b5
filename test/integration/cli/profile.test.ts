import { GetObjectCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminClient, createTestBucket, RGW_OTHER_USER, RGW_USER, rgwEndpoint } from '../../support/s3';
import { buildCli } from './build-cli';
import { awsHome, envKeys, keychainItems, SIGNED_FIELDS } from './cli-fixtures';
import { download, newConfigDir, onTerminal, savedName, signdrop } from './cli-harness';

beforeAll(async () => {
  await buildCli();
}, 120_000);

describe('signdrop profile with keys from ~/.aws', () => {
  it('saves a profile that reads ~/.aws on use and stores no key', async () => {
    const bucket = await createTestBucket('cli-awsprofile-saved');
    const home = await awsHome();
    const config = await newConfigDir();
    const add = await signdrop(
      ['profile', 'add', 'from-aws', '--aws-profile', 'rgw', '--endpoint', rgwEndpoint(), '--region', 'us-east-1', '--bucket', bucket, '--path-style'],
      { ...home, SIGNDROP_CONFIG_DIR: config },
    );
    expect(add.code).toBe(0);
    expect(await readFile(join(config, 'profiles.json'), 'utf8')).not.toContain(RGW_USER.accessKeyId);
    const test = await signdrop(['profile', 'test', 'from-aws', '--json'], { ...home, SIGNDROP_CONFIG_DIR: config });
    expect(test.lines[0]).toMatchObject({ profile: 'from-aws', ok: true, passed: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'] });
    // Without the ~/.aws files the same profile says what is missing.
    const elsewhere = await signdrop(['link', 'k', '--json'], { HOME: await mkdtemp(join(tmpdir(), 'signdrop-empty-home-')), SIGNDROP_CONFIG_DIR: config });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.lines[0]).toMatchObject({ key: 'k', error: { code: 'credentials-unavailable' } });
    expect(elsewhere.stderr).toContain('AWS profile "rgw" was not found');
  });
});

describe('signdrop profile (keys in the private keyring)', () => {
  it('adds, lists, tests, signs links and PUT URLs, and removes a profile', async () => {
    const bucket = await createTestBucket('cli-profile');
    const config = await newConfigDir();
    const add = await signdrop(['profile', 'add', 'my rgw', '--endpoint', rgwEndpoint(), '--bucket', bucket, '--path-style', '--json'], {
      ...envKeys(),
      SIGNDROP_CONFIG_DIR: config,
    });
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.lines[0]).toMatchObject({ name: 'my rgw', bucket, credentials: { kind: 'keychain' }, accessKeyId: RGW_USER.accessKeyId });
    // No keys in the environment from here on: they come from the keychain.
    const env = { SIGNDROP_CONFIG_DIR: config };
    const list = await signdrop(['profile', 'list', '--json'], env);
    expect(list.lines.map((l) => l['name'])).toEqual(['my rgw']);
    expect(list.stdout).not.toContain(RGW_USER.secretAccessKey);
    const test = await signdrop(['profile', 'test', 'my rgw'], env);
    expect(test.code).toBe(0);
    expect(test.stdout).toContain('my rgw: OK');

    // A PUT URL someone else uploads with, then a download link for it.
    const key = 'inbox/📷 from a friend #1.jpg';
    const put = await signdrop(['put-url', key, '--profile', 'my rgw', '--content-type', 'image/jpeg', '--expires', '1h', '--json'], env);
    expect(put.code).toBe(0);
    expect(Object.keys(put.lines[0]!).sort()).toEqual(SIGNED_FIELDS);
    expect(put.lines[0]).toMatchObject({ key, method: 'PUT' });
    const body = randomBytes(3000);
    const res = await fetch(put.lines[0]!['url'] as string, { method: 'PUT', body, headers: { 'content-type': 'image/jpeg' } });
    expect(res.status).toBe(200);
    const stored = await adminClient().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    expect(stored.ContentType).toBe('image/jpeg');

    // The only profile is used without --profile.
    const link = await signdrop(['link', key, '--download-name', 'holiday é.jpg', '--expires', '45s', '--json'], env);
    expect(link.code).toBe(0);
    expect(Object.keys(link.lines[0]!).sort()).toEqual(SIGNED_FIELDS);
    expect(link.lines[0]).toMatchObject({ key, method: 'GET' });
    const got = await download(link.lines[0]!['url'] as string);
    expect(got.bytes.equals(body)).toBe(true);
    expect(savedName(got.headers.get('content-disposition'))).toBe('holiday é.jpg');

    const { id } = JSON.parse(await readFile(join(config, 'profiles.json'), 'utf8')).profiles[0];
    expect(await keychainItems()).toContain(`attribute.username = ${id}`);
    const remove = await signdrop(['profile', 'remove', 'my rgw'], env);
    expect(remove.code).toBe(0);
    expect(await keychainItems()).not.toContain(`attribute.username = ${id}`);
    const after = await signdrop(['link', key, '--profile', 'my rgw'], env);
    expect(after.code).toBe(2);
    expect(after.stderr).toContain('There is no profile named "my rgw"');
  });

  it('reports a missing keychain as such, says what works without one, and saves nothing', async () => {
    const bucket = await createTestBucket('cli-nokeychain');
    const config = await newConfigDir();
    const result = await signdrop(
      ['profile', 'add', 'nokeychain', '--endpoint', rgwEndpoint(), '--region', 'us-east-1', '--bucket', bucket, '--path-style', '--json'],
      {
        ...envKeys(),
        SIGNDROP_CONFIG_DIR: config,
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/signdrop-bus',
      },
    );
    expect(result.code).toBe(1);
    expect(result.lines[0]).toMatchObject({ profile: 'nokeychain', error: { code: 'keychain-unavailable' } });
    expect(result.stderr).toContain('The OS keychain could not be reached');
    expect(result.stderr).toContain('--aws-profile');
    expect(result.stderr).toContain('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY with --bucket');
    expect(result.stderr).not.toContain(RGW_USER.secretAccessKey);
    const list = await signdrop(['profile', 'list', '--json'], { SIGNDROP_CONFIG_DIR: config });
    expect(list.lines).toEqual([]);
  });

  it('says which profile test failed and why, with status 1', async () => {
    const bucket = await createTestBucket('cli-test-fail');
    const config = await newConfigDir();
    // Saved untested: the keys lack the permissions, which `profile add` would refuse.
    await signdrop(['profile', 'add', 'other', '--endpoint', rgwEndpoint(), '--region', 'us-east-1', '--bucket', bucket, '--path-style', '--no-test'], {
      ...envKeys(RGW_OTHER_USER),
      SIGNDROP_CONFIG_DIR: config,
    });
    const result = await signdrop(['profile', 'test', '--json'], { SIGNDROP_CONFIG_DIR: config });
    expect(result.code).toBe(1);
    expect(result.lines[0]).toMatchObject({ profile: 'other', ok: false, error: { code: 'access-denied' } });
    expect(result.stderr).toContain('s3:PutObject');
  });
});

describe('signdrop profile add on a terminal', () => {
  it('asks for the keys with the secret hidden, and keeps the secret in the keychain only', async () => {
    const bucket = await createTestBucket('cli-tty');
    const config = await newConfigDir();
    const secret = RGW_USER.secretAccessKey;
    const run = await onTerminal(
      ['profile', 'add', 'typed', '--endpoint', rgwEndpoint(), '--region', 'us-east-1', '--bucket', bucket, '--path-style'],
      { SIGNDROP_CONFIG_DIR: config },
      [
        ['Access key ID: ', `${RGW_USER.accessKeyId}\r`],
        ['Secret access key (hidden): ', `${secret}\r`],
        ['Session token (hidden; Enter if none): ', '\r'],
      ],
    );
    expect(run.code).toBe(0);
    expect(run.out).toContain(RGW_USER.accessKeyId);
    expect(run.out).not.toContain(secret);
    expect(await readFile(join(config, 'profiles.json'), 'utf8')).not.toContain(secret);
    expect(await keychainItems()).toContain(secret);
    const test = await signdrop(['profile', 'test', 'typed'], { SIGNDROP_CONFIG_DIR: config });
    expect(test.code).toBe(0);
  });
});
