import { describe, expect, it } from 'vitest';
import { batchNotice, UploadBatch, type BatchSummary } from '../../../main/desktop/upload-batch';
import { FakeQueue, upload } from './fake-queue';

const track = (queue: FakeQueue) => {
  const batch = new UploadBatch();
  const summaries: BatchSummary[] = [];
  queue.onBatch((snapshot) => {
    const summary = batch.observe(snapshot);
    if (summary) summaries.push(summary);
  });
  return { batch, summaries };
};

describe('upload batches', () => {
  it('summarise once, when the last item of the batch finishes, even with items waiting for a slot', () => {
    const queue = new FakeQueue();
    const { summaries } = track(queue);
    queue.add(upload('a'), upload('b'), upload('c'));
    // One slot: b and c wait as 'queued' without events while a runs.
    queue.update('a', { state: 'uploading' });
    queue.update('a', { bytesSent: 500 });
    queue.complete('a');
    queue.update('b', { state: 'uploading' });
    queue.complete('b');
    expect(summaries).toEqual([]);
    queue.update('c', { state: 'uploading' });
    queue.fail('c');
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.completed.map((i) => i.id)).toEqual(['a', 'b']);
    expect(summaries[0]!.failed.map((i) => i.id)).toEqual(['c']);
  });

  it('start afresh after going idle, and ignore repeated events for old items', () => {
    const queue = new FakeQueue();
    const { batch, summaries } = track(queue);
    queue.add(upload('a'));
    queue.update('a', { state: 'uploading' });
    queue.fail('a');
    expect(batch.failures).toBe(0);
    queue.update('a', { state: 'failed' });
    queue.add(upload('b'));
    queue.update('b', { state: 'uploading' });
    queue.complete('b');
    expect(summaries.map((s) => [s.completed.length, s.failed.length])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('count failures while the batch runs, and say nothing for a batch the user canceled', () => {
    const queue = new FakeQueue();
    const { batch, summaries } = track(queue);
    queue.add(upload('a'), upload('b'));
    queue.update('a', { state: 'uploading' });
    queue.update('b', { state: 'uploading' });
    queue.fail('a');
    expect(batch.failures).toBe(1);
    queue.update('b', { state: 'canceled' });
    expect(summaries.map((s) => [s.completed.length, s.failed.length])).toEqual([[0, 1]]);
    queue.add(upload('c'));
    queue.update('c', { state: 'uploading' });
    queue.update('c', { state: 'canceled' });
    expect(summaries).toHaveLength(1);
  });

  it('end when the queue is idle, even when an item of theirs was removed while in flight', () => {
    const queue = new FakeQueue();
    const { summaries } = track(queue);
    queue.add(upload('a'), upload('b'));
    queue.update('a', { state: 'uploading' });
    queue.update('b', { state: 'uploading' });
    queue.remove('b');
    queue.complete('a');
    expect(summaries.map((s) => s.completed.map((i) => i.id))).toEqual([['a']]);
  });

  it('do not wait for a paused item', () => {
    const queue = new FakeQueue();
    const { summaries } = track(queue);
    queue.add(upload('a'), upload('b'));
    queue.update('a', { state: 'uploading' });
    queue.update('b', { state: 'paused' });
    queue.complete('a');
    expect(summaries).toHaveLength(1);
  });
});

describe('batch notices', () => {
  const done = (n: number) => Array.from({ length: n }, (_, i) => upload(`f${i}`, { state: 'completed' }));
  const failed = upload('x', { state: 'failed', error: { code: 'access-denied', message: 'Access denied.', retryable: false } });

  it('say how many files are uploaded and name a few', () => {
    expect(batchNotice({ completed: done(5), failed: [] }, { windowFocused: true })).toEqual({
      title: '5 files uploaded — links ready',
      body: 'f0.pdf, f1.pdf, f2.pdf and 2 more',
    });
    expect(batchNotice({ completed: done(1), failed: [] }, { windowFocused: false })).toEqual({ title: '1 file uploaded — link ready', body: 'f0.pdf' });
  });

  it('stay quiet for one file the user is watching in the focused window', () => {
    expect(batchNotice({ completed: done(1), failed: [] }, { windowFocused: true })).toBeUndefined();
  });

  it('always tell about failures, with the first reason', () => {
    expect(batchNotice({ completed: done(3), failed: [failed] }, { windowFocused: true })).toEqual({
      title: '1 of 4 uploads failed',
      body: 'x.pdf: Access denied.',
    });
    expect(batchNotice({ completed: [], failed: [failed] }, { windowFocused: true })?.title).toBe('Upload failed');
  });
});
