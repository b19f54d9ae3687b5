import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminClient, createTestBucket, RGW_OTHER_USER, rgwEndpoint } from '../../support/s3';
import { buildCli } from './build-cli';
import { awsHome, envKeys, HARD_NAMES, hardFiles, UPLOAD_FIELDS } from './cli-fixtures';
import { download, md5, newConfigDir, onTerminal, savedName, signdrop } from './cli-harness';

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
    const rows = result.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
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

  it('uploads on a first run, when the data folder does not exist yet', async () => {
    const bucket = await createTestBucket('cli-first');
    const { paths, bytes } = await hardFiles();
    const config = join(await newConfigDir(), 'not yet');
    const result = await signdrop(['upload', paths[0]!, '--endpoint', rgwEndpoint(), '--bucket', bucket, '--path-style', '--json'], {
      ...envKeys(),
      SIGNDROP_CONFIG_DIR: config,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect((await download(result.lines[0]!['url'] as string)).bytes.equals(bytes.get(paths[0]!)!)).toBe(true);
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
});

describe('signdrop upload with keys from ~/.aws', () => {
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
});

describe('signdrop upload with a saved profile', () => {
  it('uses the key template and link lifetime saved with the profile', async () => {
    const bucket = await createTestBucket('cli-defaults');
    const config = await newConfigDir();
    const add = await signdrop(
      [
        'profile',
        'add',
        'tpl',
        '--endpoint',
        rgwEndpoint(),
        '--region',
        'us-east-1',
        '--bucket',
        bucket,
        '--path-style',
        '--key-template',
        'drop/{name}-{random}.{ext}',
        '--expires',
        '2h',
      ],
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
});

describe('signdrop upload on a terminal', () => {
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
