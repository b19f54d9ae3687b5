/**
 * Groups the queue's batches of changes into upload batches: the items that were in flight
 * together, from the moment the queue gets busy until it is idle again. Electron-free; the OS
 * notification (batch-notification.ts) and the taskbar progress (taskbar-progress.ts) build on it.
 */
import type { QueueSnapshot, QueueTotals, UploadItem } from '../../common/uploads';

/** What a finished batch came to. Canceled items are left out: the user already knows. */
export interface BatchSummary {
  readonly completed: readonly UploadItem[];
  readonly failed: readonly UploadItem[];
}

/** What the shell reads from each of the queue's batches: the items that changed, and the totals. */
export type QueueBatch = Pick<QueueSnapshot, 'items' | 'totals'>;

/** The queue's `onBatch`, as the shell's pieces use it; returns the unsubscribe. */
export interface BatchSource {
  onBatch(listener: (batch: QueueBatch) => void): () => void;
}

/** Queued or uploading: a paused item waits for the user, so it does not keep the queue busy. */
export const isInFlight = (item: UploadItem): boolean => item.state === 'queued' || item.state === 'uploading';

/** Items not finished yet (queued, uploading or paused), from the queue's totals. */
export const openCount = ({ counts }: QueueTotals): number => counts.queued + counts.uploading + counts.paused;

/**
 * Feed it every snapshot from the queue's `onBatch`; it answers with the batch's summary on
 * the snapshot that leaves the queue idle. Idle is read from the snapshot's totals, which
 * count every item: files waiting for a free slot are 'queued' there before they have changed.
 */
export class UploadBatch {
  private readonly inFlight = new Set<string>();
  private readonly finished = new Map<string, UploadItem>();

  /** How many items of the current batch failed so far. */
  get failures(): number {
    let count = 0;
    for (const item of this.finished.values()) if (item.state === 'failed') count++;
    return count;
  }

  observe({ items, totals }: QueueBatch): BatchSummary | undefined {
    for (const item of items) {
      if (isInFlight(item)) this.inFlight.add(item.id);
      // Only items seen in flight belong to the batch: a repeated change to an old item does not.
      else if (this.inFlight.delete(item.id)) this.finished.set(item.id, item);
    }
    if (totals.counts.queued + totals.counts.uploading > 0) return undefined;
    // Items removed from the queue while in flight never finish: idle closes the batch anyway.
    this.inFlight.clear();
    if (this.finished.size === 0) return undefined;
    const done = [...this.finished.values()];
    this.finished.clear();
    const summary = { completed: done.filter((i) => i.state === 'completed'), failed: done.filter((i) => i.state === 'failed') };
    return summary.completed.length + summary.failed.length > 0 ? summary : undefined;
  }
}

/** A notification body is two or three lines on every OS; three names fit. */
const NAMES_SHOWN = 3;

/** The notification a finished batch deserves, if any. */
export interface BatchNotice {
  readonly title: string;
  readonly body: string;
}

/**
 * "3 files uploaded — links ready", or "2 of 5 uploads failed" with the first reason. A single
 * success while the window is focused is left alone (the user is looking at it); failures
 * are always told.
 */
export function batchNotice(summary: BatchSummary, context: { readonly windowFocused: boolean }): BatchNotice | undefined {
  const { completed, failed } = summary;
  const total = completed.length + failed.length;
  if (failed.length > 0) {
    const [first] = failed;
    const title = total === 1 ? 'Upload failed' : `${failed.length} of ${total} uploads failed`;
    return { title, body: first ? `${first.name}: ${first.error?.message ?? 'the upload did not finish.'}` : '' };
  }
  if (completed.length === 1 && context.windowFocused) return undefined;
  if (completed.length === 1) return { title: '1 file uploaded — link ready', body: completed[0]!.name };
  const names = completed
    .slice(0, NAMES_SHOWN)
    .map((i) => i.name)
    .join(', ');
  const more = completed.length > NAMES_SHOWN ? ` and ${completed.length - NAMES_SHOWN} more` : '';
  return { title: `${completed.length} files uploaded — links ready`, body: `${names}${more}` };
}
