import { unlink, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadQueue } from '../../../core/uploads/upload-queue';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { createTestBucket, rgwEndpoint } from '../../support/s3';
import { FAST_RETRY, MIB, makeFile, openMultipartUploads, storedMd5, tempDir, testSigner } from './helpers';

describe('transfer engine through a faulty network', () => {
  let proxy: FaultProxy;
  beforeAll(async () => {
    proxy = await startFaultProxy(rgwEndpoint());
  });
  afterAll(() => proxy.close());

  it('every file of a batch lands intact despite resets mid-body, 503 SlowDown and stalls', async () => {
    const bucket = await createTestBucket('xfer-faults');
    const dir = await tempDir();
    const files = [];
    for (let i = 0; i < 12; i++) files.push(await makeFile(dir, `small-${i}.bin`, 100_000 + i * 7_919));
    files.push(await makeFile(dir, 'big-1.bin', 12 * MIB + 5), await makeFile(dir, 'big-2.bin', 11 * MIB));
    // Only uploads (PUTs) are hurt: every 3rd is reset mid-body, every 5th slowed down, every 7th stalled.
    let puts = 0;
    proxy.plan = (req) => {
      if (req.method !== 'PUT') return { kind: 'pass' };
      const n = ++puts;
      if (n % 3 === 0) return { kind: 'reset', afterBytes: 64 * 1024 };
      if (n % 5 === 0) return { kind: 'slowdown' };
      if (n % 7 === 0) return { kind: 'stall' };
      return { kind: 'pass' };
    };
    try {
      const queue = new UploadQueue(await testSigner(proxy.endpoint, bucket), {
        multipartThreshold: 8 * MIB,
        partSize: 5 * MIB,
        fileConcurrency: 4,
        partConcurrency: 2,
        retry: FAST_RETRY,
        idleTimeoutMs: 1000,
      });
      const items = await queue.enqueue({ profileId: 'p', expiresInSeconds: 600, files });
      await queue.idle();
      for (const [i, file] of files.entries()) {
        const item = queue.get(items[i]!.id)!;
        expect(item.state, `${file.relativePath}: ${item.error?.message}`).toBe('completed');
        expect(item.integrity).toBe('verified');
        expect(await storedMd5(bucket, item.key)).toBe(file.md5);
      }
      const kinds = new Set(proxy.requests.map((r) => r.fault));
      expect([...kinds].sort()).toEqual(['pass', 'reset', 'slowdown', 'stall']);
      expect(await openMultipartUploads(bucket)).toBe(0);
    } finally {
      proxy.plan = () => ({ kind: 'pass' });
    }
  });

  it('a file deleted while queued or changed while uploading fails with words; the others finish', async () => {
    const bucket = await createTestBucket('xfer-changes');
    const dir = await tempDir();
    const big = await makeFile(dir, 'changing.bin', 20 * MIB);
    const gone = await makeFile(dir, 'gone.txt', 1000);
    const fine = await makeFile(dir, 'fine.txt', 2000);
    proxy.throttleBytesPerSecond = 4 * MIB;
    try {
      const queue = new UploadQueue(await testSigner(proxy.endpoint, bucket), {
        multipartThreshold: 8 * MIB,
        partSize: 5 * MIB,
        fileConcurrency: 1,
        partConcurrency: 1,
        retry: FAST_RETRY,
      });
      const [bigItem, goneItem, fineItem] = await queue.enqueue({ profileId: 'p', expiresInSeconds: 600, files: [big, gone, fine] });
      await unlink(gone.path); // still queued behind the big file
      const end = Date.now() + 20_000;
      while ((queue.get(bigItem!.id)!.partsDone ?? 0) < 1 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      await writeFile(big.path, 'replaced while uploading');
      await queue.idle();

      const changed = queue.get(bigItem!.id)!;
      expect(changed.state).toBe('failed');
      expect(changed.error?.code).toBe('file-changed');
      expect(changed.error?.message).toMatch(/changing\.bin changed (after it was added|while it was uploading).*add it again/);
      const missing = queue.get(goneItem!.id)!;
      expect(missing.state).toBe('failed');
      expect(missing.error?.code).toBe('file-unreadable');
      expect(missing.error?.message).toMatch(/gone.*moved or deleted/);
      const ok = queue.get(fineItem!.id)!;
      expect(ok.state).toBe('completed');
      expect(await storedMd5(bucket, ok.key)).toBe(fine.md5);
      // The abandoned multipart upload was aborted, not left to be billed.
      expect(await openMultipartUploads(bucket)).toBe(0);
    } finally {
      proxy.throttleBytesPerSecond = 0;
    }
  });

  it('a store that answers before reading the body: the item says what the store answered, not that the stream closed', async () => {
    const bucket = await createTestBucket('xfer-early');
    const dir = await tempDir();
    const files = [await makeFile(dir, 'small.bin', 3 * MIB), await makeFile(dir, 'big.bin', 12 * MIB)];
    proxy.plan = (req) => (req.method === 'PUT' ? { kind: 'answer-early', status: 503, code: 'SlowDown' } : { kind: 'pass' });
    try {
      const queue = new UploadQueue(await testSigner(proxy.endpoint, bucket), {
        multipartThreshold: 8 * MIB,
        partSize: 5 * MIB,
        retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 20 },
      });
      await queue.enqueue({ profileId: 'p', expiresInSeconds: 600, files });
      await queue.idle();
      for (const item of queue.list()) {
        expect(item.state, item.name).toBe('failed');
        expect(item.error?.message, item.name).toBe(
          `${new URL(proxy.endpoint).host} answered 503 SlowDown (Refused before the body was read.) to s3:PutObject. The server is busy or had a problem: retrying may help.`,
        );
      }
    } finally {
      proxy.plan = () => ({ kind: 'pass' });
    }
  });
});
