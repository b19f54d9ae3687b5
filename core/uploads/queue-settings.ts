import { DEFAULT_UPLOAD_URL_EXPIRY_S, type TransferSettings } from '../transfer/file-upload';
import { SMALL_BODY_BYTES } from '../transfer/http-put';
import { DEFAULT_MULTIPART_THRESHOLD, DEFAULT_PART_SIZE } from '../transfer/part-plan';
import { DEFAULT_RETRY } from '../transfer/retry';
import { DEFAULT_TIMEOUTS } from '../transfer/timeouts';
import type { SaveTroubles } from '../storage/save-troubles';
import type { PersistedEntry } from './queue-store';

/**
 * Files in flight at once. Measured with `npm run bench:upload` on radosgw (2 shared cores): 1,000 × 64 KiB
 * took the same 4.7–5.1 s at 8, 16, 32 and 64 (client CPU bound); 20 × 8 MiB was fastest at 4–8. Once
 * files were read once instead of twice, 20 × 8 MiB took 0.68–0.71 s (interleaved medians of 6–8 runs, load
 * 2–3) at 4, 8, 10 and 16 alike, and 0.82 s at 2: the store's CPU bounds it, so 8 stays.
 */
export const DEFAULT_FILE_CONCURRENCY = 8;
/**
 * Parts of one file in flight at once. 1 GiB in 8 MiB parts: 9.5 s at 2, 7.7 s at 4, 10.6 s at 8; in
 * 16 MiB parts (the default since, part-plan.ts) 3.55-3.62 s at 4 and 3.63-3.71 s at 8, so 4 stays.
 */
export const DEFAULT_PART_CONCURRENCY = 4;

/**
 * A small file (one request, its body read whole) takes a quarter of a "files at once" slot, so a
 * batch of small files runs four times as many at once, and a batch of large ones as set. Small
 * files wait on the store's answer, not on bytes: 1,000 × 64 KiB on radosgw, same process, three
 * rounds (load 15-19), took 2.2-2.5 s and 560-625 µs of CPU a file at 32 at once, against 3.4-5.1 s
 * and 770-900 µs at 8 (more answers handled per wake-up). 20 × 8 MiB was slower at 16 and 32 than at 8.
 */
export const SHARES_PER_SLOT = 4;

/** How many of a slot's SHARES_PER_SLOT shares a file of this size takes while it uploads. */
export function slotShares(size: number): number {
  return size <= SMALL_BODY_BYTES ? 1 : SHARES_PER_SLOT;
}

export interface QueueOptions extends Partial<TransferSettings> {
  readonly fileConcurrency?: number;
  /** Where the queue is saved for crash recovery; none keeps it in memory only. */
  readonly dataDir?: string;
  /** The queue's file in `dataDir` (upload-queue.json unless given): the CLI keeps its own, so the app and the CLI never overwrite each other's queue. */
  readonly queueFile?: string;
  /**
   * Which saved items this queue takes back when it opens (all unless given). The others are
   * forgotten, and their multipart uploads aborted so no parts stay billed.
   */
  readonly restore?: (saved: PersistedEntry) => boolean;
  /** Told when the queue cannot be saved and when it can again (createCore shares one with the link history). */
  readonly troubles?: SaveTroubles;
}

/** The transfer settings a queue runs with: what the options give, measured defaults for the rest. */
export function transferSettings(o: QueueOptions): TransferSettings {
  return {
    multipartThreshold: o.multipartThreshold ?? DEFAULT_MULTIPART_THRESHOLD,
    partSize: o.partSize ?? DEFAULT_PART_SIZE,
    partConcurrency: o.partConcurrency ?? DEFAULT_PART_CONCURRENCY,
    retry: o.retry ?? DEFAULT_RETRY,
    connectTimeoutMs: o.connectTimeoutMs ?? DEFAULT_TIMEOUTS.connectTimeoutMs,
    firstByteTimeoutMs: o.firstByteTimeoutMs ?? DEFAULT_TIMEOUTS.firstByteTimeoutMs,
    idleTimeoutMs: o.idleTimeoutMs ?? DEFAULT_TIMEOUTS.idleTimeoutMs,
    urlExpirySeconds: o.urlExpirySeconds ?? DEFAULT_UPLOAD_URL_EXPIRY_S,
    now: o.now ?? Date.now,
  };
}
