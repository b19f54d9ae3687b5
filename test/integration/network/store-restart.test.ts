import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadQueue } from '../../../core/uploads/upload-queue';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { createTestBucket, rgwEndpoint } from '../../support/s3';
import { MIB, makeFile, openMultipartUploads, storedMd5, tempDir, testSigner } from '../transfer/helpers';

/**
 * The store goes away for 20 s in the middle of a batch. It is the fault proxy that stops listening,
 * not radosgw: every integration test file shares one radosgw, so stopping it would fail the others;
 * for the engine the two look the same (connections refused on the store's port, open ones dropped).
 */
describe('the store goes away and comes back', () => {
  let proxy: FaultProxy;
  beforeAll(async () => {
    proxy = await startFaultProxy(rgwEndpoint());
  });
  afterAll(() => proxy.close());

  it('stopped for 20 s mid-batch: every item waits, says so, and every file lands intact', { timeout: 120_000 }, async () => {
    const bucket = await createTestBucket('store-restart');
    const dir = await tempDir();
    const files = [];
    for (let i = 0; i < 6; i++) files.push(await makeFile(dir, `small-${i}.bin`, 300_000 + i));
    files.push(await makeFile(dir, 'big.bin', 24 * MIB));
    proxy.throttleBytesPerSecond = 2 * MIB;
    try {
      const queue = new UploadQueue(await testSigner(proxy.endpoint, bucket), {
        multipartThreshold: 8 * MIB,
        partSize: 5 * MIB,
        fileConcurrency: 2,
        partConcurrency: 1,
        retry: { attempts: 8, baseDelayMs: 100, maxDelayMs: 2000, giveUpAfterMs: 30_000, waitForStoreMs: 60_000 },
      });
      const reasons = new Set<string>();
      queue.onChanged((item) => item.retry && reasons.add(item.retry.reason));
      const items = await queue.enqueue({ profileId: 'p', expiresInSeconds: 600, files });
      const end = Date.now() + 30_000;
      while (queue.list().filter((i) => i.state === 'completed').length < 1 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      await proxy.refuseFor(20_000);
      await queue.idle();
      for (const [i, file] of files.entries()) {
        const item = queue.get(items[i]!.id)!;
        expect(item.state, `${file.relativePath}: ${item.error?.message}`).toBe('completed');
        expect(await storedMd5(bucket, item.key)).toBe(file.md5);
      }
      expect(reasons).toContain('waiting for the store');
      expect(await openMultipartUploads(bucket)).toBe(0);
    } finally {
      proxy.throttleBytesPerSecond = 0;
    }
  });
});
