import type { AppError } from './result';

export type UploadState = 'queued' | 'uploading' | 'paused' | 'completed' | 'failed' | 'canceled';

export interface ShareLink {
  readonly url: string;
  /** ISO time after which the link no longer works (already clamped to the credentials' expiry). */
  readonly expiresAt: string;
}

/**
 * Whether the bytes the store holds were checked against what was read from disk:
 * 'verified' (ETag = MD5, or MD5 of part MD5s), 'skipped' (the store's ETags are not MD5s, e.g. SSE-KMS).
 */
export type IntegrityCheck = 'verified' | 'skipped';

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
  /** Smoothed upload speed in bytes per second while uploading. */
  readonly speed?: number;
  /** Seconds left at the current speed, while uploading. */
  readonly etaSeconds?: number;
  /** For multipart uploads: parts stored so far, and in all. */
  readonly partsDone?: number;
  readonly partsTotal?: number;
  readonly integrity?: IntegrityCheck;
  /** Something the user should know that is not a failure ("the file changed; started over"). */
  readonly notice?: string;
  readonly link?: ShareLink;
  readonly etag?: string;
  readonly error?: AppError;
  /** While a failed request waits to be tried again: "Retrying in 4 s (3 of 8): the store did not answer". */
  readonly retry?: { attempt: number; of: number; nextAt: string; reason: string };
}

/** The whole queue at a glance, for a progress bar and the window title. */
export interface QueueTotals {
  readonly bytesSent: number;
  readonly bytesTotal: number;
  readonly speed: number;
  readonly etaSeconds?: number;
  readonly counts: Readonly<Record<UploadState, number>>;
}

/** What enqueueing added, and what it had to leave out (unreadable entries, symlink loops). */
export interface EnqueueResult {
  readonly items: UploadItem[];
  readonly skipped: readonly { readonly path: string; readonly message: string }[];
}

/** One batch of queue changes: what crosses IPC, at most ten times a second. */
export interface QueueSnapshot {
  /** Items that changed since the last batch. */
  readonly items: UploadItem[];
  /** Ids of items removed since the last batch: views drop them, whatever rule removed them. */
  readonly removed: readonly string[];
  readonly totals: QueueTotals;
}

/** What the queue's controls do; without an item id they apply to every item they can. */
export const QUEUE_ACTIONS = ['pause', 'resume', 'cancel', 'retry', 'remove'] as const;
export type QueueAction = (typeof QUEUE_ACTIONS)[number];

export const isFinished = (item: UploadItem): boolean => item.state === 'completed' || item.state === 'failed' || item.state === 'canceled';
