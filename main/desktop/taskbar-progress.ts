/**
 * Upload progress on the taskbar button (Windows, Linux launchers) and the dock icon (macOS).
 * Electron-free: the window is passed in, so this is tested without Electron.
 * https://www.electronjs.org/docs/latest/tutorial/progress-bar
 */
import type { QueueTotals } from '../../common/uploads';
import { throttle } from './rate-limit';
import { openCount, UploadBatch, type BatchSource, type QueueBatch } from './upload-batch';

/** Four repaints a second look smooth; the queue sends up to ten batches a second. */
export const PROGRESS_INTERVAL_MS = 250;

/** Electron's setProgressBar arguments: -1 removes the bar; mode is honoured on Windows only. */
export interface TaskbarProgress {
  readonly progress: number;
  readonly mode: 'normal' | 'error' | 'paused' | 'none';
}

export const NO_PROGRESS: TaskbarProgress = { progress: -1, mode: 'none' };

/**
 * The queue's bytes sent over its bytes total (the window's bar shows the same); red ('error')
 * once an item of the batch failed, 'paused' when only paused items are left, gone when
 * nothing is left to upload.
 */
export function taskbarProgress(totals: QueueTotals, batchFailures: number): TaskbarProgress {
  const open = openCount(totals);
  if (open === 0) return NO_PROGRESS;
  // Empty files have nothing to measure; show the bar started rather than not at all.
  const progress = totals.bytesTotal === 0 ? 0 : Math.min(1, totals.bytesSent / totals.bytesTotal);
  const mode = batchFailures > 0 ? 'error' : totals.counts.paused === open ? 'paused' : 'normal';
  return { progress, mode };
}

/** The window whose button shows the bar, when there is one. */
export type ProgressWindow = () => { setProgressBar(progress: number, options?: { mode: TaskbarProgress['mode'] }): void } | undefined;

/** Keeps the taskbar bar in step with the queue's totals; returns the unsubscribe. */
export function setupTaskbarProgress(uploads: BatchSource, window: ProgressWindow): () => void {
  const batch = new UploadBatch();
  let latest: QueueBatch | undefined;
  let shown: { bar: TaskbarProgress; on?: unknown } = { bar: NO_PROGRESS };
  const paint = throttle(() => {
    if (!latest) return;
    const bar = taskbarProgress(latest.totals, batch.failures);
    const win = window();
    // Skip repaints that change nothing, unless the window is a new one (closed and reopened).
    if (bar.progress === shown.bar.progress && bar.mode === shown.bar.mode && win === shown.on) return;
    shown = { bar, on: win };
    win?.setProgressBar(bar.progress, { mode: bar.mode });
  }, PROGRESS_INTERVAL_MS);
  const off = uploads.onBatch((snapshot) => {
    batch.observe(snapshot);
    latest = snapshot;
    paint();
  });
  return () => {
    off();
    paint.cancel();
  };
}
