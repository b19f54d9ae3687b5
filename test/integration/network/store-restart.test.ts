import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadQueue } from '../../../core/uploads/upload-queue';
import { startExtraGateway, type ExtraGateway } from '../../support/extra-gateway';
import { createTestBucket } from '../../support/s3';
import { MIB, makeFile, openMultipartUploads, storedMd5, tempDir, testSigner } from '../transfer/helpers';

/**
 * radosgw itself is stopped for 20 s in the middle of a batch and started again: a second gateway
 * on the test cluster, so the other test files keep theirs. Open connections are cut and new ones
 * refused, as when a store is restarted or a laptop's network drops.
 */
describe('the store goes away and comes back', () => {
  let gateway: ExtraGateway;
  beforeAll(async () => {
    gateway = await startExtraGateway();
  });
  afterAll(() => gateway.stop());

  it('radosgw stopped for 20 s mid-batch: every item waits, says so, and every file lands intact', { timeout: 180_000 }, async () => {
    const bucket = await createTestBucket('store-restart');
    const dir = await tempDir();
    const files = [];
    // Enough small files that the batch is still running when the store stops, with multipart
    // uploads in the middle of the queue.
    for (let i = 0; i < 120; i++) files.push(await makeFile(dir, `small-${i}.bin`, 256 * 1024 + i));
    files.splice(40, 0, await makeFile(dir, 'big-1.bin', 24 * MIB), await makeFile(dir, 'big-2.bin', 24 * MIB));
    const queue = new UploadQueue(await testSigner(gateway.endpoint, bucket), {
      multipartThreshold: 8 * MIB,
      partSize: 5 * MIB,
      fileConcurrency: 2,
      partConcurrency: 2,
      retry: { attempts: 8, baseDelayMs: 100, maxDelayMs: 2000, giveUpAfterMs: 30_000, waitForStoreMs: 60_000 },
    });
    const reasons = new Set<string>();
    queue.onChanged((item) => item.retry && reasons.add(item.retry.reason));
    const items = await queue.enqueue({ profileId: 'p', expiresInSeconds: 600, files });
    const completed = () => queue.list().filter((i) => i.state === 'completed').length;
    const end = Date.now() + 60_000;
    while (completed() < 20 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));

    await gateway.stop();
    const doneWhileStopped = completed();
    await new Promise((r) => setTimeout(r, 20_000));
    expect(completed(), 'nothing completes while the store is down').toBe(doneWhileStopped);
    expect(queue.list().filter((i) => i.state === 'failed')).toEqual([]);
    await gateway.start();
    await queue.idle();

    expect(doneWhileStopped, 'the store stopped in the middle of the batch').toBeLessThan(files.length);
    for (const [i, file] of files.entries()) {
      const item = queue.get(items[i]!.id)!;
      expect(item.state, `${file.relativePath}: ${item.error?.message}`).toBe('completed');
      expect(await storedMd5(bucket, item.key)).toBe(file.md5);
    }
    expect(reasons).toContain('waiting for the store');
    expect(await openMultipartUploads(bucket)).toBe(0);
  });
});
