/**
 * Groups the queue's events into batches: the items that were in flight together, from the
 * moment the queue gets busy until it is idle again. Electron-free; the OS notification
 * (batch-notification.ts) and the taskbar progress (taskbar-progress.ts) build on it.
 */
import type { UploadItem } from '../../common/uploads';

/** What a finished batch came to. Canceled items are left out: the user already knows. */
export interface BatchSummary {
  readonly completed: readonly UploadItem[];
  readonly failed: readonly UploadItem[];
}

/** Queued or uploading: a paused item waits for the user, so it does not keep the queue busy. */
export const isInFlight = (item: UploadItem): boolean => item.state === 'queued' || item.state === 'uploading';

/**
 * Feed it every `onChanged` event; it answers with the batch's summary on the event that
 * leaves the queue idle. `list` is the whole queue: items waiting for a free slot are
 * 'queued' there without an event yet, and they keep the batch open.
 */
export class UploadBatch {
  private readonly inFlight = new Set<string>();
  private readonly finished = new Map<string, UploadItem>();

  constructor(private readonly list: () => readonly UploadItem[]) {}

  /** How many items of the current batch failed so far. */
  get failures(): number {
    let count = 0;
    for (const item of this.finished.values()) if (item.state === 'failed') count++;
    return count;
  }

  observe(item: UploadItem): BatchSummary | undefined {
    if (isInFlight(item)) {
      this.inFlight.add(item.id);
      return undefined;
    }
    // Only items seen in flight belong to the batch: a repeated event for an old item does not.
    if (this.inFlight.delete(item.id)) this.finished.set(item.id, item);
    // The event-known set is cheap; the full list is read only when it looks empty.
    if (this.inFlight.size > 0 || this.finished.size === 0 || this.list().some(isInFlight)) return undefined;
    const items = [...this.finished.values()];
    this.finished.clear();
    const summary = { completed: items.filter((i) => i.state === 'completed'), failed: items.filter((i) => i.state === 'failed') };
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
  const names = completed.slice(0, NAMES_SHOWN).map((i) => i.name).join(', ');
  const more = completed.length > NAMES_SHOWN ? ` and ${completed.length - NAMES_SHOWN} more` : '';
  return { title: `${completed.length} files uploaded — links ready`, body: `${names}${more}` };
}
