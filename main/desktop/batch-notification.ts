/**
 * Tells the user when a batch of uploads is done, with an OS notification; a click brings the
 * window forward. What to say is decided in upload-batch.ts.
 */
import { Notification } from 'electron';
import type { Core } from '../../core';
import { batchNotice, UploadBatch } from './upload-batch';

export interface BatchNotificationDeps {
  readonly uploads: Pick<Core['uploads'], 'list' | 'onChanged'>;
  readonly isWindowFocused: () => boolean;
  readonly showWindow: () => void;
}

/** Notifies at the end of each batch; returns the unsubscribe. Does nothing where notifications are unsupported. */
export function notifyFinishedBatches({ uploads, isWindowFocused, showWindow }: BatchNotificationDeps): () => void {
  if (!Notification.isSupported()) return () => undefined;
  const batch = new UploadBatch(() => uploads.list());
  // A notification that is garbage-collected loses its click handler; hold each until it is gone.
  // https://github.com/electron/electron/issues/16922
  const live = new Set<Notification>();
  return uploads.onChanged((item) => {
    const summary = batch.observe(item);
    const notice = summary && batchNotice(summary, { windowFocused: isWindowFocused() });
    if (!notice) return;
    const notification = new Notification({ title: notice.title, body: notice.body });
    live.add(notification);
    notification.on('click', () => {
      live.delete(notification);
      showWindow();
    });
    notification.on('close', () => live.delete(notification));
    notification.show();
  });
}
