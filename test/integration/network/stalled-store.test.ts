import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkRequestHandler } from '../../../core/s3/client';
import type { RetryPolicy } from '../../../core/transfer/retry';
import { UploadQueue } from '../../../core/uploads/upload-queue';
import { startStallingServer, type StallingServer } from '../../support/stalling-server';
import { MIB, makeFile, tempDir, testSigner } from '../transfer/helpers';

/** The defaults scaled down 30 times (1 s time-outs, 3 s to give up), so the test takes seconds; the defaults' own values are checked in test/unit/transfer/timeouts.test.ts. */
const TIMEOUTS = { connectTimeoutMs: 1000, firstByteTimeoutMs: 1000, idleTimeoutMs: 1000 };
const RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 50, maxDelayMs: 500, giveUpAfterMs: 3000, waitForStoreMs: 10_000 };
/** The default bound (3 minutes), scaled down the same 30 times, with room for a loaded machine. */
const BOUND_MS = 6000 + 4000;

describe('a store that accepts connections and never answers', () => {
  let server: StallingServer;
  beforeAll(async () => {
    server = await startStallingServer();
  });
  afterAll(() => server.close());

  it('a 10 KB file and a 20 MiB file each fail in words, in bounded time; retries are announced', async () => {
    const dir = await tempDir();
    const small = await makeFile(dir, 'small.txt', 10_000);
    const big = await makeFile(dir, 'big.bin', 20 * MIB);
    const signer = await testSigner(server.endpoint, 'never-answers', { requestHandler: sdkRequestHandler(TIMEOUTS) });
    const queue = new UploadQueue(signer, { ...TIMEOUTS, retry: RETRY, multipartThreshold: 8 * MIB, partSize: 5 * MIB });
    const announced = new Map<string, string[]>();
    queue.onChanged((item) => {
      if (item.retry) announced.set(item.name, [...(announced.get(item.name) ?? []), `${item.retry.attempt} of ${item.retry.of}: ${item.retry.reason}`]);
    });
    const started = Date.now();
    const items = await queue.enqueue({ profileId: 'p', expiresInSeconds: 600, files: [small, big] });
    await queue.idle();
    const took = Date.now() - started;

    expect(took).toBeLessThan(BOUND_MS);
    for (const { id, name } of items) {
      const item = queue.get(id)!;
      expect(item.state, name).toBe('failed');
      expect(item.error?.message).toMatch(/^(The store|127\.0\.0\.1:\d+) stopped answering( \(.+\))?\. Check your network/);
      expect(item.retry).toBeUndefined();
    }
    // The PUT's retries are the engine's own, and said as they come; the 20 MiB file's CreateMultipartUpload is retried inside the SDK.
    expect(announced.get('small.txt')?.[0]).toBe('2 of 8: the store did not answer');
    expect(server.connections()).toBeGreaterThan(2);
  });
});
