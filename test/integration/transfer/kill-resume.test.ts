import { execFile, spawn } from 'node:child_process';
import { readFile, utimes } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadItem } from '../../../common/uploads';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { createTestBucket, rgwEndpoint, RGW_USER, settledParts } from '../../support/s3';
import { MIB, makeFile, openMultipartUploads, storedMd5, tempDir } from './helpers';

const repo = resolve(__dirname, '../../..');
const child = join(__dirname, 'child-upload.cjs');

/** Runs the child uploader; resolves with its last JSON line, or when `killWhen` says so (after a SIGKILL). */
function runChild(env: Record<string, string>, killWhen?: () => boolean): Promise<{ code: number | null; last?: { done?: UploadItem[] }; stderr: string }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, [child], { env: { ...process.env, ROOT: join(repo, 'out/cli'), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = killWhen ? setInterval(() => killWhen() && p.kill('SIGKILL'), 10) : undefined;
    p.on('exit', (code) => {
      if (timer) clearInterval(timer);
      const lines = out.trim().split('\n').filter(Boolean);
      done({ code, stderr, ...(lines.length ? { last: JSON.parse(lines[lines.length - 1]!) } : {}) });
    });
  });
}

describe('crash safety', () => {
  let proxy: FaultProxy;
  beforeAll(async () => {
    // The child runs compiled JS, like the CLI does.
    await promisify(execFile)('npx', ['tsc', '-p', 'cli/tsconfig.json'], { cwd: repo });
    proxy = await startFaultProxy(rgwEndpoint());
  }, 120_000);
  afterAll(() => proxy.close());

  it('a SIGKILLed multipart upload resumes in a new process without resending finished parts', async () => {
    const bucket = await createTestBucket('xfer-kill');
    const dir = await tempDir();
    const file = await makeFile(dir, 'big.bin', 40 * MIB);
    const env = {
      ENDPOINT: proxy.endpoint,
      BUCKET: bucket,
      DATA_DIR: join(dir, 'data'),
      FILE: file.path,
      AK: RGW_USER.accessKeyId,
      SK: RGW_USER.secretAccessKey,
    };
    proxy.throttleBytesPerSecond = 5 * MIB; // ~1 s a part, two at a time: the kill lands mid-upload
    const first = await runChild(env, () => proxy.completedParts().size >= 3);
    expect(first.code, first.stderr).toBeNull(); // killed, not finished
    const saved = JSON.parse(await readFile(join(dir, 'data/upload-queue.json'), 'utf8')).entries[0];
    expect(saved.multipart.uploadId).toBeTruthy();
    // What the store holds is the truth: a part whose answer was lost in the kill is stored all the
    // same, though the proxy never saw its 200.
    const stored = [...(await settledParts(bucket))];
    expect(stored.length).toBeGreaterThanOrEqual(3);
    expect(stored.length).toBeLessThan(8);

    proxy.throttleBytesPerSecond = 0;
    const start = proxy.requests.length;
    const second = await runChild(env);
    expect(second.code, second.stderr).toBe(0);
    const item = second.last!.done![0]!;
    expect(item.state, item.error?.message).toBe('completed');
    expect(item.integrity).toBe('verified');
    expect(await storedMd5(bucket, item.key)).toBe(file.md5);
    // The new process sent exactly the parts the store lacked, each once.
    const sent = proxy.requests.slice(start).flatMap((r) => (r.partNumber !== undefined && r.status === 200 ? [r.partNumber] : []));
    const missing = [1, 2, 3, 4, 5, 6, 7, 8].filter((n) => !stored.includes(n));
    expect(sent.sort((a, b) => a - b)).toEqual(missing);
    expect(await openMultipartUploads(bucket)).toBe(0);
  });

  it('a file changed while the app was down starts over, and the item says so', async () => {
    const bucket = await createTestBucket('xfer-restart');
    const dir = await tempDir();
    const file = await makeFile(dir, 'big.bin', 20 * MIB);
    const env = {
      ENDPOINT: proxy.endpoint,
      BUCKET: bucket,
      DATA_DIR: join(dir, 'data'),
      FILE: file.path,
      AK: RGW_USER.accessKeyId,
      SK: RGW_USER.secretAccessKey,
    };
    const start = proxy.requests.length;
    proxy.throttleBytesPerSecond = 5 * MIB;
    await runChild(env, () => proxy.requests.slice(start).some((r) => r.partNumber !== undefined && r.status === 200));
    proxy.throttleBytesPerSecond = 0;
    await utimes(file.path, new Date(), new Date(Date.now() + 5000)); // "edited"
    const second = await runChild(env);
    expect(second.code, second.stderr).toBe(0);
    const item = second.last!.done![0]!;
    expect(item.state).toBe('completed');
    expect(item.notice).toMatch(/changed while Signdrop was closed.*from the start/);
    expect(await storedMd5(bucket, item.key)).toBe(file.md5);
    expect(await openMultipartUploads(bucket)).toBe(0); // the old upload was aborted
  });
});
