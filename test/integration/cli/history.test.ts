/**
 * The CLI's share of the history: what it uploads is in the shared history the moment it exits,
 * a SIGKILLed batch leaves no object without its entry once the same command ran again, and
 * history, relink and delete work on those entries.
 */
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { linkLog } from '../../support/link-log';
import { adminClient, bucketKeys, createTestBucket, rgwEndpoint } from '../../support/s3';
import { buildCli } from './build-cli';
import { envKeys } from './cli-fixtures';
import { newConfigDir, ROOT, signdrop } from './cli-harness';

const HISTORY_FIELDS = ['bucket', 'expiresAt', 'key', 'name', 'size', 'uploadedAt', 'url'];

beforeAll(async () => {
  await buildCli();
}, 120_000);

/** `count` small files with distinct bytes in a new folder. */
async function smallFiles(count: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'signdrop-cli-batch-'));
  await Promise.all(Array.from({ length: count }, (_, i) => writeFile(join(dir, `f${String(i).padStart(4, '0')}.txt`), `file ${i}\n`)));
  return dir;
}

const target = (bucket: string) => ['--endpoint', rgwEndpoint(), '--bucket', bucket, '--path-style'];

describe('signdrop history', () => {
  it('lists all 1,500 links of a batch the moment the upload exits', async () => {
    const bucket = await createTestBucket('cli-1500');
    const dir = await smallFiles(1500);
    const env = { ...envKeys(), SIGNDROP_CONFIG_DIR: await newConfigDir() };
    const upload = await signdrop(['upload', dir, ...target(bucket), '--json'], env);
    expect(upload.stderr).toBe('');
    expect(upload.code).toBe(0);
    expect(upload.lines).toHaveLength(1500);
    const history = await signdrop(['history', '--json'], env);
    expect(history.code).toBe(0);
    expect(history.lines).toHaveLength(1500);
    expect(Object.keys(history.lines[0]!).sort()).toEqual(HISTORY_FIELDS);
    const uploaded = new Map(upload.lines.map((l) => [l['key'], l['url']]));
    for (const line of history.lines) expect(line['url']).toBe(uploaded.get(line['key']));
    // The CLI's queue keeps only what is unfinished: nothing after a run where everything finished.
    const queue = JSON.parse(await readFile(join(env.SIGNDROP_CONFIG_DIR, 'cli-queue.json'), 'utf8'));
    expect(queue.entries).toEqual([]);
  }, 120_000);

  it('after a SIGKILL mid-batch, the same command finishes it: every object in the bucket has its entry, under the keys first chosen', async () => {
    const bucket = await createTestBucket('cli-kill');
    const dir = await smallFiles(600);
    const env = { ...envKeys(), SIGNDROP_CONFIG_DIR: await newConfigDir() };
    const args = ['upload', dir, ...target(bucket), '--json'];
    const child = spawn(process.execPath, [join(ROOT, 'bin/signdrop.js'), ...args], {
      env: { PATH: process.env['PATH'] ?? '', HOME: tmpdir(), ...env },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Killed once the store holds a good part of the batch, and well before all of it.
    await expect.poll(async () => (await bucketKeys(bucket)).length, { timeout: 60_000, interval: 50 }).toBeGreaterThanOrEqual(100);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const stored = await bucketKeys(bucket);
    expect(stored.length).toBeLessThan(600);

    const again = await signdrop(args, env);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.lines).toHaveLength(600);
    const keys = await bucketKeys(bucket);
    // The second run reused the first run's keys: no object was uploaded twice under two names.
    expect(keys).toHaveLength(600);
    for (const key of stored) expect(keys).toContain(key);
    const history = await signdrop(['history', '--json'], env);
    const recorded = new Set(history.lines.map((l) => l['key']));
    for (const key of keys) expect(recorded.has(key), key).toBe(true);
  }, 120_000);

  it('SIGTERM mid-batch: the CLI exits 130 with every link made so far on disk, and the same command finishes the rest', async () => {
    const bucket = await createTestBucket('cli-term');
    const dir = await smallFiles(400);
    const env = { ...envKeys(), SIGNDROP_CONFIG_DIR: await newConfigDir() };
    const args = ['upload', dir, ...target(bucket), '--json'];
    const child = spawn(process.execPath, [join(ROOT, 'bin/signdrop.js'), ...args], {
      env: { PATH: process.env['PATH'] ?? '', HOME: tmpdir(), ...env },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await expect.poll(async () => (await bucketKeys(bucket)).length, { timeout: 60_000, interval: 50 }).toBeGreaterThanOrEqual(50);
    child.kill('SIGTERM');
    expect(await exited).toBe(130);
    const stored = await bucketKeys(bucket);
    const history = (await signdrop(['history', '--json'], env)).lines;
    // Stopped cleanly: each object stored before the stop was recorded before the process ended,
    // but for a PUT cut off in flight that the store still finished: its item is saved unfinished
    // (canceled), for the same command to upload again under the same key.
    const recorded = new Set(history.map((l) => l['key']));
    const saved = JSON.parse(await readFile(join(env.SIGNDROP_CONFIG_DIR, 'cli-queue.json'), 'utf8')).entries as { key: string; state: string }[];
    const unrecorded = stored.filter((key) => !recorded.has(key));
    expect(unrecorded.map((key) => saved.find((e) => e.key === key)?.state).filter((state) => state !== 'canceled' && state !== 'paused')).toEqual([]);
    expect(recorded.size).toBeGreaterThanOrEqual(50 - unrecorded.length);
    const again = await signdrop(args, env);
    expect(again.code).toBe(0);
    expect(again.lines).toHaveLength(400);
    const keys = await bucketKeys(bucket);
    expect(keys).toHaveLength(400);
    const all = new Set((await signdrop(['history', '--json'], env)).lines.map((l) => l['key']));
    expect(keys.filter((key) => !all.has(key))).toEqual([]);
  }, 120_000);

  it('searches and filters, relinks in place, and deletes an object so its entry says so', async () => {
    const bucket = await createTestBucket('cli-relink');
    const dir = await mkdtemp(join(tmpdir(), 'signdrop-cli-relink-'));
    await writeFile(join(dir, 'invoice.pdf'), 'pdf bytes');
    await writeFile(join(dir, 'minutes.txt'), 'minutes');
    const env = { ...envKeys(), SIGNDROP_CONFIG_DIR: await newConfigDir() };
    const up = await signdrop(['upload', join(dir, 'invoice.pdf'), join(dir, 'minutes.txt'), ...target(bucket), '--expires', '1h', '--json'], env);
    expect(up.code).toBe(0);
    const [invoice, minutes] = up.lines as { key: string; url: string }[];

    const found = await signdrop(['history', '--search', 'INVOICE', '--json'], env);
    expect(found.lines.map((l) => l['key'])).toEqual([invoice!.key]);
    expect((await signdrop(['history', '--expired', '--json'], env)).lines).toEqual([]);
    expect((await signdrop(['history', '--active', '--json'], env)).lines).toHaveLength(2);

    const relinked = await signdrop(['history', 'relink', invoice!.key, ...target(bucket), '--expires', '2h', '--json'], env);
    expect(relinked.stderr).toBe('');
    expect(relinked.code).toBe(0);
    const fresh = relinked.lines[0]!;
    expect(fresh['url']).not.toBe(invoice!.url);
    expect(Date.parse(fresh['expiresAt'] as string) - Date.now()).toBeGreaterThan(110 * 60_000);
    expect((await fetch(fresh['url'] as string)).status).toBe(200);
    const after = (await signdrop(['history', '--json'], env)).lines;
    expect(after).toHaveLength(2);
    expect(after.find((l) => l['key'] === invoice!.key)?.['url']).toBe(fresh['url']);

    const deleted = await signdrop(['delete', minutes!.key, ...target(bucket), '--json'], env);
    expect(deleted.code).toBe(0);
    expect(deleted.lines).toEqual([{ key: minutes!.key, bucket, deleted: true }]);
    await expect(adminClient().send(new HeadObjectCommand({ Bucket: bucket, Key: minutes!.key }))).rejects.toMatchObject({ name: 'NotFound' });
    expect((await fetch(minutes!.url)).status).toBe(404);
    const listed = (await signdrop(['history', '--json'], env)).lines;
    expect(listed.find((l) => l['key'] === minutes!.key)?.['deletedAt']).toBeTruthy();
    expect((await signdrop(['history', '--active', '--json'], env)).lines.map((l) => l['key'])).toEqual([invoice!.key]);
  }, 60_000);

  it('history piped into a reader that leaves (| head -1): the first line, then a quiet exit 141', async () => {
    const config = await newConfigDir();
    await writeFile(join(config, 'links.jsonl'), linkLog(5_000));
    const child = spawn(process.execPath, [join(ROOT, 'bin/signdrop.js'), 'history'], { env: { SIGNDROP_CONFIG_DIR: config, HOME: config } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().split('\n')[0]!)));
    child.stdout.destroy();
    expect(first).toMatch(/\t[0-9a-f-]+\/004999-archive\.zip\thttps:/);
    // What a shell reports for a command ended by SIGPIPE, and no stack trace.
    expect(await exited).toBe(141);
    expect(stderr).toBe('');
  });
});
