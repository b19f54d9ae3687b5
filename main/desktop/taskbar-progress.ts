/**
 * Upload progress on the taskbar button (Windows, Linux launchers) and the dock icon (macOS).
 * Electron-free: the window is passed in, so this is tested without Electron.
 * https://www.electronjs.org/docs/latest/tutorial/progress-bar
 */
import { isFinished, type UploadItem } from '../../common/uploads';
import type { Core } from '../../core';
import { throttle } from './rate-limit';
import { UploadBatch } from './upload-batch';

/** Four repaints a second look smooth; the queue emits an event per chunk. */
export const PROGRESS_INTERVAL_MS = 250;

/** Electron's setProgressBar arguments: -1 removes the bar; mode is honoured on Windows only. */
export interface TaskbarProgress {
  readonly progress: number;
  readonly mode: 'normal' | 'error' | 'paused' | 'none';
}

export const NO_PROGRESS: TaskbarProgress = { progress: -1, mode: 'none' };

/**
 * Bytes sent over bytes total of the items not finished; red ('error') once an item of the
 * batch failed, 'paused' when only paused items are left, gone when nothing is left.
 */
export function taskbarProgress(items: readonly UploadItem[], batchFailures: number): TaskbarProgress {
  const open = items.filter((item) => !isFinished(item));
  if (open.length === 0) return NO_PROGRESS;
  const total = open.reduce((sum, item) => sum + item.size, 0);
  const sent = open.reduce((sum, item) => sum + item.bytesSent, 0);
  // Empty files have nothing to measure; show the bar started rather than not at all.
  const progress = total === 0 ? 0 : Math.min(1, sent / total);
  const mode = batchFailures > 0 ? 'error' : open.every((item) => item.state === 'paused') ? 'paused' : 'normal';
  return { progress, mode };
}

export interface TaskbarProgressDeps {
  readonly uploads: Pick<Core['uploads'], 'list' | 'onChanged'>;
  /** The window whose button shows the bar, when there is one. */
  readonly window: () => { setProgressBar(progress: number, options?: { mode: TaskbarProgress['mode'] }): void } | undefined;
}

/** Keeps the taskbar bar in step with the queue; returns the unsubscribe. */
export function showTaskbarProgress({ uploads, window }: TaskbarProgressDeps): () => void {
  const batch = new UploadBatch(() => uploads.list());
  let shown: { bar: TaskbarProgress; on?: unknown } = { bar: NO_PROGRESS };
  const paint = throttle(() => {
    const bar = taskbarProgress(uploads.list(), batch.failures);
    const win = window();
    // Skip repaints that change nothing, unless the window is a new one (closed and reopened).
    if (bar.progress === shown.bar.progress && bar.mode === shown.bar.mode && win === shown.on) return;
    shown = { bar, on: win };
    win?.setProgressBar(bar.progress, { mode: bar.mode });
  }, PROGRESS_INTERVAL_MS);
  const off = uploads.onChanged((item) => {
    batch.observe(item);
    paint();
  });
  return () => {
    off();
    paint.cancel();
  };
}
