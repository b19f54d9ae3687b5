import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_PROGRESS, setupTaskbarProgress, taskbarProgress } from '../../../main/desktop/taskbar-progress';
import { FakeQueue, totalsOf, upload } from './fake-queue';

describe('taskbar progress', () => {
  // The queue's totals count finished files too, as the window's progress bar does: 1,500 of 5,000 bytes.
  it("is the queue's bytes sent over its bytes total while anything is unfinished", () => {
    const totals = totalsOf([
      upload('done', { state: 'completed', bytesSent: 1000 }),
      upload('a', { state: 'uploading', size: 1000, bytesSent: 500 }),
      upload('b', { state: 'queued', size: 3000 }),
    ]);
    expect(taskbarProgress(totals, 0)).toEqual({ progress: 0.3, mode: 'normal' });
    expect(taskbarProgress(totals, 1)).toEqual({ progress: 0.3, mode: 'error' });
    expect(taskbarProgress(totalsOf([upload('p', { state: 'paused', bytesSent: 250 })]), 0)).toEqual({ progress: 0.25, mode: 'paused' });
  });

  it('is gone when nothing is left to upload', () => {
    expect(taskbarProgress(totalsOf([upload('done', { state: 'completed' }), upload('x', { state: 'failed' })]), 1)).toEqual(NO_PROGRESS);
    expect(NO_PROGRESS.progress).toBe(-1);
  });
});

describe('taskbar progress on the window', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('repaints at most 4 times a second however many events come, turns red on a failure and clears when idle', () => {
    const queue = new FakeQueue();
    const win = { setProgressBar: vi.fn() };
    setupTaskbarProgress(queue, () => win);
    queue.add(upload('a', { size: 4000 }), upload('b', { size: 4000 }));
    queue.update('a', { state: 'uploading' });
    // 4,000 progress events in one second.
    for (let sent = 1; sent <= 4000; sent++) {
      queue.update('a', { bytesSent: sent });
      vi.advanceTimersByTime(0.25);
    }
    expect(win.setProgressBar.mock.calls.length).toBeLessThanOrEqual(5);
    queue.complete('a');
    queue.update('b', { state: 'uploading', bytesSent: 2000 });
    vi.advanceTimersByTime(250);
    // a's 4,000 bytes and b's 2,000 of 8,000.
    expect(win.setProgressBar).toHaveBeenLastCalledWith(0.75, { mode: 'normal' });
    queue.fail('b');
    vi.advanceTimersByTime(250);
    expect(win.setProgressBar).toHaveBeenLastCalledWith(-1, { mode: 'none' });

    queue.add(upload('c'), upload('d'));
    queue.update('c', { state: 'uploading' });
    queue.update('d', { state: 'uploading', bytesSent: 500 });
    queue.fail('c');
    vi.advanceTimersByTime(250);
    // 4,000 + 2,000 (b, failed) + 0 (c, failed) + 500 (d) of 10,000; red for c's failure in this batch.
    expect(win.setProgressBar).toHaveBeenLastCalledWith(0.65, { mode: 'error' });
  });

  it('does nothing without a window, and stops when unsubscribed', () => {
    const queue = new FakeQueue();
    const win = { setProgressBar: vi.fn() };
    let open: typeof win | undefined;
    const off = setupTaskbarProgress(queue, () => open);
    queue.add(upload('a'));
    queue.update('a', { state: 'uploading', bytesSent: 100 });
    vi.advanceTimersByTime(250);
    open = win;
    queue.update('a', { bytesSent: 200 });
    vi.advanceTimersByTime(250);
    expect(win.setProgressBar).toHaveBeenLastCalledWith(0.2, { mode: 'normal' });
    off();
    queue.update('a', { bytesSent: 900 });
    vi.advanceTimersByTime(1000);
    expect(win.setProgressBar).toHaveBeenCalledOnce();
  });
});
