/** A stand-in for core's UploadQueue: holds items and sends `onBatch` snapshots with totals like the real one. */
import type { QueueTotals, UploadItem, UploadState } from '../../../common/uploads';
import type { QueueBatch } from '../../../main/desktop/upload-batch';

export const upload = (id: string, patch: Partial<UploadItem> = {}): UploadItem => ({
  id,
  profileId: 'p',
  name: `${id}.pdf`,
  size: 1000,
  key: `k/${id}.pdf`,
  bucket: 'b',
  state: 'queued',
  bytesSent: 0,
  ...patch,
});

/** The queue's totals over `items`, counted the way UploadQueue.totals() counts them (canceled bytes left out). */
export function totalsOf(items: readonly UploadItem[]): QueueTotals {
  const counts: Record<UploadState, number> = { queued: 0, uploading: 0, paused: 0, completed: 0, failed: 0, canceled: 0 };
  let bytesSent = 0;
  let bytesTotal = 0;
  for (const item of items) {
    counts[item.state]++;
    if (item.state === 'canceled') continue;
    bytesSent += item.bytesSent;
    bytesTotal += item.size;
  }
  return { bytesSent, bytesTotal, speed: 0, counts };
}

export class FakeQueue {
  private readonly items = new Map<string, UploadItem>();
  private readonly listeners = new Set<(batch: QueueBatch) => void>();

  /** Like UploadQueue.enqueue: the items appear as 'queued' without a batch yet. */
  add(...items: UploadItem[]): void {
    for (const item of items) this.items.set(item.id, item);
  }

  /** Changes an item and sends a batch holding it, as UploadQueue does (one change per batch here). */
  update(id: string, patch: Partial<UploadItem>): void {
    const next = { ...this.items.get(id)!, ...patch };
    this.items.set(id, next);
    const batch = { items: [next], totals: this.totals() };
    for (const listener of this.listeners) listener(batch);
  }

  /** Takes an item out of the queue, as "Remove" does: the batch that follows no longer counts it. */
  remove(id: string): void {
    this.items.delete(id);
    const batch = { items: [], totals: this.totals() };
    for (const listener of this.listeners) listener(batch);
  }

  complete(id: string): void {
    const item = this.items.get(id)!;
    this.update(id, { state: 'completed', bytesSent: item.size, link: { url: `https://b.example/${id}?sig`, expiresAt: '' } });
  }

  fail(id: string, message = 'Access denied: the key cannot write to this bucket.'): void {
    this.update(id, { state: 'failed', error: { code: 'access-denied', message, retryable: false } });
  }

  list = (): UploadItem[] => [...this.items.values()];

  totals = (): QueueTotals => totalsOf(this.list());

  /** How many subscribers the queue has: what the shell must end on quit. */
  subscribers = (): number => this.listeners.size;

  onBatch = (listener: (batch: QueueBatch) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
