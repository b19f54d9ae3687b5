import { join } from 'node:path';
import { z } from 'zod';
import { DISPOSITIONS } from '../../common/disposition';
import type { ErrorCode } from '../../common/result';
import writeFileAtomic from 'write-file-atomic';
import { loadJson } from '../storage/json-file';
import { FIRST_RETRY_MS, MAX_RETRY_MS } from '../storage/retrying-log';
import { SaveTroubles } from '../storage/save-troubles';

/** Saved at most this often while bytes move: a crash loses at most this much bookkeeping, never data (ListParts is the truth). */
export const SAVE_INTERVAL_MS = 500;
/** A big queue is saved less often (10,000 items: every second), so rewriting it never dominates the CPU. */
const SAVE_MS_PER_ENTRY = 0.1;

/** The app's queue file; the CLI keeps its own (see QueueOptions.queueFile). */
export const QUEUE_FILE = 'upload-queue.json';
/**
 * The CLI's queue file in the shared data folder. The app keeps its own: each rewrites its whole
 * file, so sharing one would let either overwrite what the other just queued.
 */
export const CLI_QUEUE_FILE = 'cli-queue.json';
/** Held (core/storage/process-lock.ts) by the one CLI upload that keeps the CLI's queue, and by the app while it looks for orphaned uploads. */
export const CLI_QUEUE_LOCK = 'cli-queue.lock';

const Part = z.object({ partNumber: z.number().int(), etag: z.string(), md5: z.string().optional(), size: z.number() });

/** One queued file as kept on disk: enough to resume it after a crash, no secrets, no URLs but the share link. */
export const PersistedEntry = z.object({
  id: z.string(),
  profileId: z.string(),
  expiresInSeconds: z.number(),
  path: z.string(),
  relativePath: z.string(),
  size: z.number(),
  mtimeMs: z.number(),
  key: z.string(),
  bucket: z.string(),
  state: z.enum(['queued', 'uploading', 'paused', 'completed', 'failed', 'canceled']),
  etag: z.string().optional(),
  integrity: z.enum(['verified', 'skipped']).optional(),
  notice: z.string().optional(),
  link: z.object({ url: z.string(), expiresAt: z.string() }).optional(),
  /** The user's choice for the link (inline or attachment); absent, the content type decides. */
  disposition: z.enum(DISPOSITIONS).optional(),
  error: z.object({ code: z.custom<ErrorCode>((v) => typeof v === 'string'), message: z.string(), retryable: z.boolean() }).optional(),
  multipart: z.object({ uploadId: z.string(), partSize: z.number(), parts: z.array(Part) }).optional(),
});
export type PersistedEntry = z.infer<typeof PersistedEntry>;

const QueueFile = z.object({ version: z.literal(1), entries: z.array(PersistedEntry) });

/**
 * The queue on disk (atomic writes, core/storage/json-file.ts). Saves are throttled and never
 * overlap; `flush` waits for the latest state to be written. A save the disk refuses (full,
 * read-only) never stops the uploads: it is reported to the troubles once and tried again, later
 * and later, until it lands (the previous file stays whole meanwhile: writes are atomic).
 */
export class QueueStore {
  readonly file: string;
  private dirty = false;
  private writing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastCount = 0;
  /** Set while saves fail: the wait before the next try. */
  private retryMs: number | undefined;

  constructor(
    dataDir: string,
    /** The queue's items as they would be saved now (the latest state, saved or not). */
    readonly snapshot: () => PersistedEntry[],
    private readonly intervalMs = SAVE_INTERVAL_MS,
    fileName = QUEUE_FILE,
    private readonly troubles = new SaveTroubles(),
  ) {
    this.file = join(dataDir, fileName);
  }

  async load(): Promise<{ entries: PersistedEntry[]; problem?: string }> {
    const loaded = await loadJson(this.file, QueueFile, { version: 1 as const, entries: [] });
    return { entries: loaded.value.entries, ...(loaded.problem ? { problem: loaded.problem } : {}) };
  }

  /** Something changed: write it soon. */
  markDirty(): void {
    this.dirty = true;
    if (this.timer || this.writing) return;
    this.timer = setTimeout(() => void this.write(), this.retryMs ?? Math.max(this.intervalMs, this.lastCount * SAVE_MS_PER_ENTRY));
    // Retrying a refused save must not keep a finished CLI command alive.
    if (this.retryMs !== undefined) this.timer.unref();
  }

  /** Writes now if anything is pending, and waits for it; a save the disk refuses stays pending (see the class). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.writing) await this.writing;
    if (this.dirty) await this.write();
  }

  private async write(): Promise<void> {
    this.timer = undefined;
    this.dirty = false;
    const entries = this.snapshot();
    this.lastCount = entries.length;
    // Compact JSON (a 10,000-item queue is half the size pretty-printed), written atomically: temp file, fsync, rename.
    this.writing = writeFileAtomic(this.file, JSON.stringify({ version: 1, entries }), { mode: 0o600 })
      .then(
        () => {
          this.retryMs = undefined;
          this.troubles.saved('queue', this.file);
        },
        (e: unknown) => {
          this.troubles.failed('queue', this.file, e);
          this.retryMs = Math.min((this.retryMs ?? FIRST_RETRY_MS / 2) * 2, MAX_RETRY_MS);
          this.dirty = true;
        },
      )
      .finally(() => {
        this.writing = undefined;
        if (this.dirty) this.markDirty();
      });
    await this.writing;
  }
}
