import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadQueue } from '../../../core/uploads/upload-queue';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { createTestBucket, rgwEndpoint } from '../../support/s3';
import { FAST_RETRY, MIB, makeFile, openMultipartUploads, storedMd5, tempDir, testSigner } from '../transfer/helpers';

/** CreateMultipartUpload is a POST on the key with `?uploads`. */
const isCreate = (method: string | undefined, url: string | undefined) => method === 'POST' && /[?&]uploads(=|&|$)/.test(url ?? '');

describe('answers lost on the way back', () => {
  let proxy: FaultProxy;
  beforeAll(async () => {
    proxy = await startFaultProxy(rgwEndpoint());
  });
  afterAll(() => proxy.close());

  it('CreateMultipartUpload answers cut mid-headers: the files land and no multipart upload is left open', async () => {
    const bucket = await createTestBucket('lost-create');
    const dir = await tempDir();
    const once = await makeFile(dir, 'cut-once.bin', 9 * MIB);
    const thrice = await makeFile(dir, 'cut-thrice.bin', 10 * MIB);
    // The first file's first Create loses its answer (the SDK tries again at once); the second file's
    // first three do, so the SDK call fails and the engine's own retry has to find the uploads.
    const cuts = new Map<string, number>([
      [once.relativePath, 1],
      [thrice.relativePath, 3],
    ]);
    proxy.plan = (req) => {
      if (!isCreate(req.method, req.url)) return { kind: 'pass' };
      const name = [...cuts.keys()].find((n) => req.url?.includes(n));
      if (!name || cuts.get(name)! <= 0) return { kind: 'pass' };
      cuts.set(name, cuts.get(name)! - 1);
      return { kind: 'cut-headers' };
    };
    try {
      const queue = new UploadQueue(await testSigner(proxy.endpoint, bucket), { multipartThreshold: 8 * MIB, partSize: 5 * MIB, retry: FAST_RETRY });
      const items = await queue.enqueue({ profileId: 'p', expiresInSeconds: 600, files: [once, thrice] });
      await queue.idle();
      for (const [i, file] of [once, thrice].entries()) {
        const item = queue.get(items[i]!.id)!;
        expect(item.state, `${file.relativePath}: ${item.error?.message}`).toBe('completed');
        expect(await storedMd5(bucket, item.key)).toBe(file.md5);
      }
      expect(proxy.requests.filter((r) => r.fault === 'cut-headers')).toHaveLength(4);
      expect(await openMultipartUploads(bucket)).toBe(0);
    } finally {
      proxy.plan = () => ({ kind: 'pass' });
    }
  });
});
