/** A stand-in for core's UploadQueue: holds items and emits `onChanged` like the real one. */
import type { UploadItem } from '../../../common/uploads';

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

export class FakeQueue {
  private readonly items = new Map<string, UploadItem>();
  private readonly listeners = new Set<(item: UploadItem) => void>();

  /** Like UploadQueue.enqueue: the items appear as 'queued' without an event. */
  add(...items: UploadItem[]): void {
    for (const item of items) this.items.set(item.id, item);
  }

  /** Changes an item and tells the listeners, like UploadQueue's private update(). */
  update(id: string, patch: Partial<UploadItem>): void {
    const next = { ...this.items.get(id)!, ...patch };
    this.items.set(id, next);
    for (const listener of this.listeners) listener(next);
  }

  complete(id: string): void {
    const item = this.items.get(id)!;
    this.update(id, { state: 'completed', bytesSent: item.size, link: { url: `https://b.example/${id}?sig`, expiresAt: '' } });
  }

  fail(id: string, message = 'Access denied: the key cannot write to this bucket.'): void {
    this.update(id, { state: 'failed', error: { code: 'access-denied', message, retryable: false } });
  }

  list = (): UploadItem[] => [...this.items.values()];

  onChanged = (listener: (item: UploadItem) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
