import type { AppError } from './result';

export type UploadState = 'queued' | 'uploading' | 'paused' | 'completed' | 'failed' | 'canceled';

export interface ShareLink {
  readonly url: string;
  /** ISO time after which the link no longer works (already clamped to the credentials' expiry). */
  readonly expiresAt: string;
}

/** One file in the queue, as the renderer and the CLI see it. */
export interface UploadItem {
  readonly id: string;
  readonly profileId: string;
  readonly name: string;
  readonly size: number;
  readonly key: string;
  readonly bucket: string;
  readonly state: UploadState;
  readonly bytesSent: number;
  readonly link?: ShareLink;
  readonly etag?: string;
  readonly error?: AppError;
}

export const isFinished = (item: UploadItem): boolean =>
  item.state === 'completed' || item.state === 'failed' || item.state === 'canceled';
