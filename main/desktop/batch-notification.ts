/**
 * Tells the user when a batch of uploads is done, with an OS notification; a click brings the
 * window forward. What to say is decided in upload-batch.ts.
 */
import type { Notification } from 'electron';
import { batchNotice, UploadBatch, type BatchSource } from './upload-batch';

export interface BatchNotificationHooks {
  readonly isWindowFocused: () => boolean;
  readonly showWindow: () => void;
}

/**
 * Notifies at the end of each batch; returns the unsubscribe. Does nothing where notifications
 * are unsupported. Electron's Notification class is passed in.
 */
export function setupBatchNotifications(
  electron: { readonly Notification: typeof Notification },
  uploads: BatchSource,
  { isWindowFocused, showWindow }: BatchNotificationHooks,
): () => void {
  if (!electron.Notification.isSupported()) return () => undefined;
  const batch = new UploadBatch();
  // A notification that is garbage-collected loses its click handler; hold each until it is gone.
  // https://github.com/electron/electron/issues/16922
  const live = new Set<Notification>();
  return uploads.onBatch((snapshot) => {
    const summary = batch.observe(snapshot);
    const notice = summary && batchNotice(summary, { windowFocused: isWindowFocused() });
    if (!notice) return;
    const notification = new electron.Notification({ title: notice.title, body: notice.body });
    live.add(notification);
    notification.on('click', () => {
      live.delete(notification);
      showWindow();
    });
    notification.on('close', () => live.delete(notification));
    notification.show();
  });
}
