import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LocalFile } from '../../../core/uploads/collect-files';
import { SMALL_BODY_BYTES } from '../../../core/transfer/http-put';
import type { TransferSigner } from '../../../core/transfer/transfer-signer';
import { UploadQueue, type QueueSnapshot } from '../../../core/uploads/upload-queue';
import { FakeStore } from './fake-store';

async function smallFiles(count: number, size = 100): Promise<LocalFile[]> {
  const dir = await mkdtemp(join(tmpdir(), 'signdrop-queue-'));
  const files: LocalFile[] = [];
  const { stat } = await import('node:fs/promises');
  for (let i = 0; i < count; i++) {
    const path = join(dir, `f${i}.txt`);
    await writeFile(path, Buffer.alloc(size, i % 256));
    files.push({ path, relativePath: `f${i}.txt`, size, mtimeMs: (await stat(path)).mtimeMs });
  }
  return files;
}

describe('upload queue', () => {
  let store: FakeStore;
  beforeEach(async () => {
    store = await new FakeStore().start();
  });
  afterEach(() => store.close());

  it('1,000 files: every one completes, progress comes in batches at least 100 ms apart, totals add up', async () => {
    // Answers as slow as a nearby store's, so the batch spans several ticks however fast this machine is.
    store.answerDelayMs = 40;
    const queue = new UploadQueue(store.signer(), { fileConcurrency: 16 });
    const batches: { at: number; snapshot: QueueSnapshot }[] = [];
    queue.onBatch((snapshot) => batches.push({ at: performance.now(), snapshot }));
    const files = await smallFiles(1000);
    await queue.enqueue({ profileId: 'p', expiresInSeconds: 60, files });
    await queue.idle();
    expect(queue.list().every((i) => i.state === 'completed' && i.link)).toBe(true);
    // The last batch, sent when the queue goes idle, comes at once (the next test); the others keep their pace.
    const gaps = batches.slice(1, -1).map((b, i) => b.at - batches[i]!.at);
    expect(gaps.length).toBeGreaterThan(3);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(95); // timers may fire a hair early
    const last = batches[batches.length - 1]!.snapshot.totals;
    expect(last.counts.completed).toBe(1000);
    expect(last.bytesSent).toBe(last.bytesTotal);
  }, 60_000);

  it('a batch that is done reaches its listeners at once, not on the next progress tick (a CLI prints its links then)', async () => {
    const files = await smallFiles(1);
    // With the clock stopped, no tick comes: only an immediate delivery lets idle() resolve with the final state.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const queue = new UploadQueue(store.signer());
      const seen: string[] = [];
      queue.onChanged((item) => seen.push(item.state));
      await queue.enqueue({ profileId: 'p', expiresInSeconds: 60, files });
      await queue.idle();
      expect(seen.at(-1)).toBe('completed');
    } finally {
      vi.useRealTimers();
    }
  });

  it('runs four small files in each "files at once" slot, and one larger file', async () => {
    const mostAtOnce = async (size: number) => {
      const signer = store.signer();
      let now = 0;
      let most = 0;
      // A single PUT's URL is signed as it starts and its link once it is stored.
      const counting: TransferSigner = {
        ...signer,
        presignPut: (...a) => ((most = Math.max(most, ++now)), signer.presignPut(...a)),
        presignGet: (...a) => (now--, signer.presignGet(...a)),
      };
      const queue = new UploadQueue(counting, { fileConcurrency: 2 });
      await queue.enqueue({ profileId: 'p', expiresInSeconds: 60, files: await smallFiles(12, size) });
      await queue.idle();
      expect(queue.list().every((i) => i.state === 'completed')).toBe(true);
      return most;
    };
    expect(await mostAtOnce(SMALL_BODY_BYTES)).toBe(8);
    expect(await mostAtOnce(SMALL_BODY_BYTES + 1)).toBe(2);
  });

  it('pause all holds queued files back; resume all lets them finish; cancel marks them canceled', async () => {
    const queue = new UploadQueue(store.signer(), { fileConcurrency: 1 });
    const files = await smallFiles(6);
    const items = await queue.enqueue({ profileId: 'p', expiresInSeconds: 60, files });
    queue.pauseAll();
    await queue.idle();
    const paused = queue.list().filter((i) => i.state === 'paused').length;
    expect(paused).toBeGreaterThanOrEqual(5);
    await queue.cancel(items[5]!.id);
    queue.resumeAll();
    await queue.idle();
    expect(queue.get(items[5]!.id)!.state).toBe('canceled');
    expect(queue.list().filter((i) => i.state === 'completed').length).toBe(5);
    queue.retry(items[5]!.id);
    await queue.idle();
    expect(queue.get(items[5]!.id)!.state).toBe('completed');
  });

  it('removed items reach batch listeners as removed ids, once, and no longer as items', async () => {
    const queue = new UploadQueue(store.signer(), { fileConcurrency: 2 });
    const batches: QueueSnapshot[] = [];
    queue.onBatch((snapshot) => batches.push(snapshot));
    const [done, other] = await queue.enqueue({ profileId: 'p', expiresInSeconds: 60, files: await smallFiles(2) });
    await queue.idle();
    expect(batches.every((b) => b.removed.length === 0)).toBe(true);
    batches.length = 0;

    await queue.remove(done!.id);
    await queue.remove('not-in-the-queue');
    await queue.idle();
    expect(batches.flatMap((b) => b.removed)).toEqual([done!.id]);
    expect(batches.flatMap((b) => b.items).map((i) => i.id)).not.toContain(done!.id);
    expect(batches.at(-1)!.totals.counts.completed).toBe(1);
    expect(queue.list().map((i) => i.id)).toEqual([other!.id]);
  });

  it('after a restart, unfinished items continue; a file changed meanwhile starts over and says so; a deleted one fails', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'signdrop-data-'));
    const files = await smallFiles(3);
    const first = await UploadQueue.open(store.signer(), { dataDir, fileConcurrency: 1 });
    first.pauseAll();
    const items = await first.enqueue({ profileId: 'p', expiresInSeconds: 60, files });
    first.pauseAll();
    await first.close();
    await writeFile(files[1]!.path, 'a different version');
    const { unlink } = await import('node:fs/promises');
    await unlink(files[2]!.path);

    const second = await UploadQueue.open(store.signer(), { dataDir });
    second.resumeAll();
    await second.idle();
    const [same, changed, gone] = items.map((i) => second.get(i.id)!);
    expect(same!.state).toBe('completed');
    expect(changed!.state).toBe('completed');
    expect(changed!.size).toBe('a different version'.length);
    expect(changed!.notice).toMatch(/f1\.txt changed while Signdrop was closed/);
    expect(gone!.state).toBe('failed');
    expect(gone!.error?.message).toMatch(/gone: it was moved or deleted while Signdrop was closed/);
  });
});
