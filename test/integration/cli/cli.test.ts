import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminClient, createTestBucket, RGW_OTHER_USER, RGW_USER, rgwEndpoint } from '../../support/s3';
import { buildCli, download, md5, newConfigDir, ROOT, savedName, signdrop } from './cli-harness';

/** The names users really have: spaces, URL metacharacters, emoji, macOS's decomposed Unicode, 255 bytes. */
const HARD_NAMES = [
  'with space.txt',
  'a # ? % + & = b.txt',
  '📷 photo 🎉.jpg',
  'Cafe\u0301 de\u0301ja\u0300 vu.txt',
  `a${'é'.repeat(125)}.txt`,
];
const UPLOAD_FIELDS = ['bucket', 'etag', 'expiresAt', 'file', 'key', 'size', 'url'];
const SIGNED_FIELDS = ['expiresAt', 'key', 'method', 'url'];

const envKeys = (user: { accessKeyId: string; secretAccessKey: string } = RGW_USER) => ({
  AWS_ACCESS_KEY_ID: user.accessKeyId,
  AWS_SECRET_ACCESS_KEY: user.secretAccessKey,
});

async function hardFiles(): Promise<{ dir: string; paths: string[]; bytes: Map<string, Buffer> }> {
  const dir = await mkdtemp(join(tmpdir(), 'signdrop-cli-files-'));
  const bytes = new Map<string, Buffer>();
  const paths: string[] = [];
  for (const [i, name] of HARD_NAMES.entries()) {
    const path = join(dir, name);
    // Different sizes, including an empty file, so a mix-up of bodies cannot pass.
    const body = i === 0 ? Buffer.alloc(0) : randomBytes(1000 * i + 7);
    await writeFile(path, body);
    bytes.set(path, body);
    paths.push(path);
  }
  return { dir, paths, bytes };
}

/** What the private keyring holds for Signdrop, as `secret-tool` prints it (attributes name the profile id). */
async function keychainItems(): Promise<string> {
  // secret-tool exits 1 when nothing matches: that is an answer too.
  const r = await promisify(execFile)('secret-tool', ['search', '--all', 'service', 'Signdrop']).catch((e: { stdout?: string; stderr?: string }) => e);
  return `${r.stdout ?? ''}${r.stderr ?? ''}`;
}

beforeAll(async () => {
  await buildCli();
}, 120_000);

describe('signdrop upload (keys from the environment)', () => {
  it('uploads files with the hardest names; every printed URL downloads the exact bytes under the original name', async () => {
    const bucket = await createTestBucket('cli-hard');
    const { paths, bytes } = await hardFiles();
    const result = await signdrop(
      ['upload', ...paths, '--endpoint', rgwEndpoint(), '--region', 'us-east-1', '--bucket', bucket, '--path-style', '--expires', '15m', '--json'],
      { ...envKeys(), SIGNDROP_CONFIG_DIR: await newConfigDir() },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.lines).toHaveLength(HARD_NAMES.length);
    for (const [i, line] of result.lines.entries()) {
      expect(Object.keys(line).sort()).toEqual(UPLOAD_FIELDS);
      const path = paths[i]!;
      const body = bytes.get(path)!;
      expect(line).toMatchObject({ file: path, bucket, size: body.length, etag: md5(body) });
      const name = HARD_NAMES[i]!.normalize('NFC');
      expect(line['key']).toMatch(new RegExp(`^[0-9a-f-]{36}/`));
      expect((line['key'] as string).slice(37)).toBe(name);
      const expiresIn = Date.parse(line['expiresAt'] as string) - Date.now();
      expect(expiresIn).toBeGreaterThan(14 * 60_000);
      expect(expiresIn).toBeLessThanOrEqual(15 * 60_000);
      const got = await download(line['url'] as string);
      expect(got.bytes.equals(body)).toBe(true);
      expect(savedName(got.headers.get('content-disposition'))).toBe(name);
    }
  });

  it('uploads a folder recursively, keeping relative paths under the key template, with plain output', async () => {
    const bucket = await createTestBucket('cli-folder');
    const root = await mkdtemp(join(tmpdir(), 'signdrop-cli-tree-'));
    await mkdir(join(root, 'my folder', 'sub dir'), { recursive: true });
    const a = randomBytes(5000);
    const b = randomBytes(17);
    await writeFile(join(root, 'my folder', 'top #1.txt'), a);
    await writeFile(join(root, 'my folder', 'sub dir', 'Cafe\u0301.bin'), b);
    const result = await signdrop(
      ['upload', join(root, 'my folder'), '--endpoint', rgwEndpoint(), '--bucket', bucket, '--path-style', '--key-template', 'shared/{yyyy}/{filename}'],
      { ...envKeys(), SIGNDROP_CONFIG_DIR: await newConfigDir() },
    );
    expect(result.code).toBe(0);
    const rows = result.stdout.trim().split('\n').map((l) => l.split('\t'));
    expect(rows.map((r) => r[0])).toEqual([join(root, 'my folder', 'sub dir', 'Cafe\u0301.bin'), join(root, 'my folder', 'top #1.txt')]);
    const year = new Date().getUTCFullYear();
    const keys = [`shared/${year}/my folder/sub dir/Café.bin`, `shared/${year}/my folder/top #1.txt`];
    for (const [i, key] of keys.entries()) {
      const head = await adminClient().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      expect(head.ContentLength).toBe([b, a][i]!.length);
      expect((await download(rows[i]![1]!)).bytes.equals([b, a][i]!)).toBe(true);
    }
  });

  it('reports each failed item in JSON and on stderr, uploads the rest, and exits 1', async () => {
    const bucket = await createTestBucket('cli-partial');
    const { paths, bytes } = await hardFiles();
    const missing = join(tmpdir(), 'signdrop-no-such-file #1.txt');
    const result = await signdrop(['upload', paths[1]!, missing, '--endpoint', rgwEndpoint(), '--bucket', bucket, '--path-style', '--json'], {
      ...envKeys(),
      SIGNDROP_CONFIG_DIR: await newConfigDir(),
    });
    expect(result.code).toBe(1);
    const failed = result.lines.find((l) => 'error' in l);
    expect(failed).toEqual({ file: missing, error: { code: 'file-unreadable', message: expect.stringContaining('ENOENT') } });
    expect(result.stderr).toContain(`signdrop: ${missing}: `);
    const good = result.lines.find((l) => 'url' in l)!;
    expect((await download(good['url'] as string)).bytes.equals(bytes.get(paths[1]!)!)).toBe(true);
  });

  it('fails every file with access denied when the keys may not write the bucket', async () => {
    const bucket = await createTestBucket('cli-denied');
    const { paths } = await hardFiles();
    const result = await signdrop(['upload', paths[2]!, paths[3]!, '--endpoint', rgwEndpoint(), '--bucket', bucket, '--path-style', '--json'], {
      ...envKeys(RGW_OTHER_USER),
      SIGNDROP_CONFIG_DIR: await newConfigDir(),
    });
    expect(result.code).toBe(1);
    expect(result.lines).toHaveLength(2);
    for (const [i, line] of result.lines.entries()) {
      expect(Object.keys(line).sort()).toEqual(['error', 'file']);
      expect(line).toMatchObject({ file: paths[2 + i], error: { code: 'access-denied' } });
      expect(result.stderr).toContain(`signdrop: ${paths[2 + i]}: `);
    }
  });

  it('exits 2 on usage errors without touching the network', async () => {
    const env = { ...envKeys(), SIGNDROP_CONFIG_DIR: await newConfigDir() };
    for (const args of [['upload'], ['link', 'k', '--expires', '8d', '--bucket', 'b-1'], ['upload', 'x', '--nope'], ['teleport']]) {
      const result = await signdrop(args, env);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^signdrop: /);
      expect(result.stdout).toBe('');
    }
  });
});

/** A temporary HOME with ~/.aws files holding radosgw's keys under profile "rgw". */
async function awsHome(): Promise<Record<string, string>> {
  const home = await mkdtemp(join(tmpdir(), 'signdrop-cli-aws-'));
  await mkdir(join(home, '.aws'));
  await writeFile(join(home, '.aws', 'credentials'), `[rgw]\naws_access_key_id = ${RGW_USER.accessKeyId}\naws_secret_access_key = ${RGW_USER.secretAccessKey}\n`);
  await writeFile(join(home, '.aws', 'config'), '[profile rgw]\nregion = us-east-1\n');
  return { HOME: home };
}

describe('signdrop with keys from ~/.aws', () => {
  it('uses AWS_PROFILE and AWS_REGION when no profile is named', async () => {
    const bucket = await createTestBucket('cli-awsprofile');
    const { paths, bytes } = await hardFiles();
    const result = await signdrop(['upload', paths[3]!, '--endpoint', rgwEndpoint(), '--bucket', bucket, '--path-style', '--json'], {
      ...(await awsHome()),
      AWS_PROFILE: 'rgw',
      AWS_REGION: 'eu-central-1',
      SIGNDROP_CONFIG_DIR: await newConfigDir(),
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const url = result.lines[0]!['url'] as string;
    expect(url).toContain('%2Feu-central-1%2Fs3%2F');
    expect((await download(url)).bytes.equals(bytes.get(paths[3]!)!)).toBe(true);
  });

  it('saves a profile that reads ~/.aws on use and stores no key', async () => {
    const bucket = await createTestBucket('cli-awsprofile-saved');
    const home = await awsHome();
    const config = await newConfigDir();
    const add = await signdrop(['profile', 'add', 'from-aws', '--aws-profile', 'rgw', '--endpoint', rgwEndpoint(), '--region', 'us-east-1', '--bucket', bucket, '--path-style'], { ...home, SIGNDROP_CONFIG_DIR: config });
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

describe('signdrop with a saved profile (keys in the private keyring)', () => {
  it('adds, lists, tests, signs links and PUT URLs, and removes a profile', async () => {
    const bucket = await createTestBucket('cli-profile');
    const config = await newConfigDir();
    const add = await signdrop(['profile', 'add', 'my rgw', '--endpoint', rgwEndpoint(), '--bucket', bucket, '--path-style', '--json'], { ...envKeys(), SIGNDROP_CONFIG_DIR: config });
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

  it('uses the key template and link lifetime saved with the profile', async () => {
    const bucket = await createTestBucket('cli-defaults');
    const config = await newConfigDir();
    const add = await signdrop(
      ['profile', 'add', 'tpl', '--endpoint', rgwEndpoint(), '--region', 'us-east-1', '--bucket', bucket, '--path-style', '--key-template', 'drop/{name}-{random}.{ext}', '--expires', '2h'],
      { ...envKeys(), SIGNDROP_CONFIG_DIR: config },
    );
    expect(add.code).toBe(0);
    const { paths, bytes } = await hardFiles();
    const up = await signdrop(['upload', paths[2]!, '--profile', 'TPL', '--json'], { SIGNDROP_CONFIG_DIR: config });
    expect(up.code).toBe(0);
    expect(up.lines[0]!['key']).toMatch(/^drop\/📷 photo 🎉-[0-9a-f]{12}\.jpg$/u);
    const lifetime = Date.parse(up.lines[0]!['expiresAt'] as string) - Date.now();
    expect(lifetime).toBeGreaterThan(7100_000);
    expect(lifetime).toBeLessThanOrEqual(7200_000);
    expect((await download(up.lines[0]!['url'] as string)).bytes.equals(bytes.get(paths[2]!)!)).toBe(true);
  });

  it('reports a missing keychain as such and saves nothing', async () => {
    const config = await newConfigDir();
    const result = await signdrop(['profile', 'add', 'nokeychain', '--endpoint', rgwEndpoint(), '--region', 'us-east-1', '--bucket', 'some-bucket', '--json'], {
      ...envKeys(),
      SIGNDROP_CONFIG_DIR: config,
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/signdrop-bus',
    });
    expect(result.code).toBe(1);
    expect(result.lines[0]).toMatchObject({ profile: 'nokeychain', error: { code: 'keychain-unavailable' } });
    expect(result.stderr).toContain('The OS keychain could not be reached');
    expect(result.stderr).not.toContain(RGW_USER.secretAccessKey);
    const list = await signdrop(['profile', 'list', '--json'], { SIGNDROP_CONFIG_DIR: config });
    expect(list.lines).toEqual([]);
  });

  it('says which profile test failed and why, with status 1', async () => {
    const bucket = await createTestBucket('cli-test-fail');
    const config = await newConfigDir();
    await signdrop(['profile', 'add', 'other', '--endpoint', rgwEndpoint(), '--region', 'us-east-1', '--bucket', bucket, '--path-style'], { ...envKeys(RGW_OTHER_USER), SIGNDROP_CONFIG_DIR: config });
    const result = await signdrop(['profile', 'test', '--json'], { SIGNDROP_CONFIG_DIR: config });
    expect(result.code).toBe(1);
    expect(result.lines[0]).toMatchObject({ profile: 'other', ok: false, error: { code: 'access-denied' } });
    expect(result.stderr).toContain('s3:PutObject');
  });
});

/** Runs signdrop on a pseudo-terminal (stdin, stdout and stderr all a TTY), typing `answers`. */
async function onTerminal(args: string[], env: Record<string, string>, answers: [string, string][] = []): Promise<{ out: string; code: number }> {
  const { stdout } = await promisify(execFile)(
    'python3',
    [join(__dirname, 'pty-run.py'), JSON.stringify([process.execPath, join(ROOT, 'bin/signdrop.js'), ...args]), JSON.stringify(answers)],
    { env: { PATH: process.env['PATH'] ?? '', DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS'] ?? '', HOME: tmpdir(), ...env }, timeout: 60_000 },
  );
  return JSON.parse(stdout) as { out: string; code: number };
}

describe('signdrop on a terminal', () => {
  it('asks for the keys with the secret hidden, and keeps the secret in the keychain only', async () => {
    const bucket = await createTestBucket('cli-tty');
    const config = await newConfigDir();
    const secret = RGW_USER.secretAccessKey;
    const run = await onTerminal(['profile', 'add', 'typed', '--endpoint', rgwEndpoint(), '--region', 'us-east-1', '--bucket', bucket, '--path-style'], { SIGNDROP_CONFIG_DIR: config }, [
      ['Access key ID: ', `${RGW_USER.accessKeyId}\r`],
      ['Secret access key (hidden): ', `${secret}\r`],
      ['Session token (hidden; Enter if none): ', '\r'],
    ]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(RGW_USER.accessKeyId);
    expect(run.out).not.toContain(secret);
    expect(await readFile(join(config, 'profiles.json'), 'utf8')).not.toContain(secret);
    expect(await keychainItems()).toContain(secret);
    const test = await signdrop(['profile', 'test', 'typed'], { SIGNDROP_CONFIG_DIR: config });
    expect(test.code).toBe(0);
  });

  it('shows progress on stderr only when it is a terminal', async () => {
    const bucket = await createTestBucket('cli-progress');
    const { paths } = await hardFiles();
    const args = ['upload', paths[4]!, '--endpoint', rgwEndpoint(), '--region', 'us-east-1', '--bucket', bucket, '--path-style'];
    const env = { ...envKeys(), SIGNDROP_CONFIG_DIR: await newConfigDir() };
    const tty = await onTerminal(args, env);
    expect(tty.code).toBe(0);
    expect(tty.out).toMatch(/uploading \d\/1 files, /);
    const piped = await signdrop(args, env);
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
  });
});

describe('the checkout', () => {
  it('npx signdrop --help works after the build', async () => {
    const { stdout } = await promisify(execFile)('npx', ['signdrop', '--help'], { cwd: ROOT });
    expect(stdout).toContain('upload <file-or-folder>...');
  });
});
