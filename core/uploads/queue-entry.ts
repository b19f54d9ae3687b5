import { toAppError } from '../errors/to-app-error';
import type { Disposition } from '../../common/disposition';
import type { AppError } from '../../common/result';
import type { IntegrityCheck, ShareLink, UploadItem, UploadState } from '../../common/uploads';
import { uploadFile, type MultipartCheckpoint, type TransferSettings } from '../transfer/file-upload';
import { withRetry, type RetryOptions, type StoreContact } from '../transfer/retry';
import { retryReason } from '../transfer/retry-reason';
import { SpeedMeter, etaSeconds } from '../transfer/speed';
import type { TransferSigner } from '../transfer/transfer-signer';
import { contentTypeFor } from './content-type';
import type { PersistedEntry } from './queue-store';
import { signShareLink } from './share-link';

/** Abort reasons: why an upload stopped, so the queue knows which state follows. */
export const PAUSED = Object.assign(new Error('Paused.'), { name: 'AbortError' });
export const CANCELED = Object.assign(new Error('Canceled.'), { name: 'AbortError' });

/** One file in the queue with what the engine needs to run it; `item()` is the read-only view. */
export class Entry {
  readonly id: string;
  readonly profileId: string;
  readonly expiresInSeconds: number;
  readonly path: string;
  readonly relativePath: string;
  size: number;
  mtimeMs: number;
  readonly key: string;
  readonly bucket: string;
  /** Inline or attachment as the user chose for this upload; else the content type decides. */
  readonly disposition: Disposition | undefined;
  state: UploadState;
  bytes = 0;
  partsDone: number | undefined;
  partsTotal: number | undefined;
  etag: string | undefined;
  integrity: IntegrityCheck | undefined;
  notice: string | undefined;
  link: ShareLink | undefined;
  error: AppError | undefined;
  /** The retry announced and not yet over (a request answered since clears it). */
  retry: UploadItem['retry'];
  multipart: MultipartCheckpoint | undefined;
  controller: AbortController | undefined;
  running: Promise<void> | undefined;
  readonly meter = new SpeedMeter();

  constructor(p: Omit<PersistedEntry, 'error'> & { error?: AppError }) {
    this.id = p.id;
    this.profileId = p.profileId;
    this.expiresInSeconds = p.expiresInSeconds;
    this.path = p.path;
    this.relativePath = p.relativePath;
    this.size = p.size;
    this.mtimeMs = p.mtimeMs;
    this.key = p.key;
    this.bucket = p.bucket;
    this.disposition = p.disposition;
    this.state = p.state;
    this.etag = p.etag;
    this.integrity = p.integrity;
    this.notice = p.notice;
    this.link = p.link;
    this.error = p.error;
    this.multipart = p.multipart;
    if (p.state === 'completed') this.bytes = p.size;
    else if (p.multipart) this.bytes = p.multipart.parts.reduce((sum, part) => sum + part.size, 0);
  }

  /** Bytes the store holds for good: the parts it answered, or the whole file once stored. */
  stored(): number {
    if (this.state === 'completed') return this.size;
    return this.multipart ? this.multipart.parts.reduce((sum, part) => sum + part.size, 0) : 0;
  }

  /**
   * The bytes speed and time left are measured on: for a multipart upload, the parts the store
   * answered (bytes still in the connection's buffers are not uploaded yet, and counting them
   * left "1 s left" on screen while the last parts were still on their way); a single PUT is
   * answered only at its end, so there the bytes sent are all there is to go by.
   */
  acknowledged(): number {
    return this.multipart ? this.stored() : this.bytes;
  }

  /** What the row shows: never less than what is stored, so a paused or resuming upload keeps its stored parts on screen. */
  shownBytes(): number {
    return Math.max(this.bytes, this.stored());
  }

  item(): UploadItem {
    const uploading = this.state === 'uploading';
    const eta = uploading ? etaSeconds(this.size - this.acknowledged(), this.meter.speed) : undefined;
    return {
      id: this.id,
      profileId: this.profileId,
      name: this.relativePath,
      size: this.size,
      key: this.key,
      bucket: this.bucket,
      state: this.state,
      bytesSent: this.shownBytes(),
      ...(uploading ? { speed: Math.round(this.meter.speed) } : {}),
      ...(eta !== undefined ? { etaSeconds: eta } : {}),
      ...(this.partsTotal !== undefined ? { partsDone: this.partsDone ?? 0, partsTotal: this.partsTotal } : {}),
      ...(this.integrity ? { integrity: this.integrity } : {}),
      ...(this.notice ? { notice: this.notice } : {}),
      ...(this.link ? { link: this.link } : {}),
      ...(this.etag ? { etag: this.etag } : {}),
      ...(this.error ? { error: this.error } : {}),
      ...(uploading && this.retry ? { retry: this.retry } : {}),
    };
  }

  persisted(): PersistedEntry {
    return {
      id: this.id,
      profileId: this.profileId,
      expiresInSeconds: this.expiresInSeconds,
      path: this.path,
      relativePath: this.relativePath,
      size: this.size,
      mtimeMs: this.mtimeMs,
      key: this.key,
      bucket: this.bucket,
      state: this.state,
      ...(this.etag ? { etag: this.etag } : {}),
      ...(this.integrity ? { integrity: this.integrity } : {}),
      ...(this.notice ? { notice: this.notice } : {}),
      ...(this.link ? { link: this.link } : {}),
      ...(this.disposition ? { disposition: this.disposition } : {}),
      ...(this.error ? { error: this.error } : {}),
      ...(this.multipart ? { multipart: { ...this.multipart, parts: [...this.multipart.parts] } } : {}),
    };
  }
}

/** Aborts an entry's multipart upload on the server, so its parts stop costing storage; true when one was aborted. */
export async function abortOnServer(signer: TransferSigner, e: Entry): Promise<boolean> {
  if (!e.multipart) return false;
  const uploadId = e.multipart.uploadId;
  e.multipart = undefined;
  return signer.abortMultipart({ profileId: e.profileId, key: e.key }, uploadId).then(
    () => true,
    () => false,
  );
}

export interface RunContext {
  readonly signer: TransferSigner;
  readonly settings: TransferSettings;
  /** Something the user sees changed (bytes, state). */
  readonly changed: () => void;
  /** Something worth saving changed (state, multipart checkpoint). */
  readonly checkpoint: () => void;
  readonly abortOnServer: () => Promise<unknown>;
  /** Whether the entry's store has answered in this run (shared by the queue's entries of one profile). */
  readonly contact: StoreContact;
}

/** Retry notices become the entry's `retry` (shown in its row) until a request is answered again. */
function retryHooks(e: Entry, ctx: RunContext): Pick<RetryOptions, 'onRetry' | 'onAnswer' | 'contact'> {
  return {
    contact: ctx.contact,
    onRetry: (notice) => {
      const nextAt = new Date(ctx.settings.now() + notice.delayMs).toISOString();
      e.retry = { attempt: notice.attempt, of: notice.of, nextAt, reason: retryReason(notice) };
      ctx.changed();
    },
    onAnswer: () => {
      if (!e.retry) return;
      e.retry = undefined;
      ctx.changed();
    },
  };
}

/** Runs one entry to completed, failed or paused (cancel is finished by the queue). */
export async function runEntry(e: Entry, ctx: RunContext): Promise<void> {
  const controller = new AbortController();
  e.controller = controller;
  e.state = 'uploading';
  e.error = undefined;
  e.bytes = 0;
  e.meter.reset();
  ctx.changed();
  ctx.checkpoint();
  // Looked up from the name each run (not saved): a resumed upload gets the type its Create was signed with.
  const contentType = contentTypeFor(e.relativePath);
  const ref = { profileId: e.profileId, key: e.key, contentType };
  const hooks = retryHooks(e, ctx);
  try {
    const result = await uploadFile({
      signer: ctx.signer,
      ref,
      settings: ctx.settings,
      signal: controller.signal,
      file: { path: e.path, size: e.size, mtimeMs: e.mtimeMs },
      ...(e.multipart ? { resume: e.multipart } : {}),
      onBytes: (n) => {
        e.bytes += n;
        ctx.changed();
      },
      onCheckpoint: (cp) => {
        e.multipart = cp;
        ctx.checkpoint();
      },
      onParts: (done, total) => {
        e.partsDone = done;
        e.partsTotal = total;
      },
      retryHooks: hooks,
    });
    // The object is stored: a pause from here on must not resume a multipart upload that no longer exists.
    e.multipart = undefined;
    e.partsDone = e.partsTotal;
    e.link = await withRetry(() => signShareLink(ctx.signer, e), {
      policy: ctx.settings.retry,
      signal: controller.signal,
      ...hooks,
    });
    e.etag = result.etag;
    e.integrity = result.integrity;
    e.bytes = e.size;
    e.state = 'completed';
  } catch (err) {
    const reason: unknown = controller.signal.aborted ? controller.signal.reason : undefined;
    if (reason === PAUSED) {
      e.state = 'paused';
      // In the background: the row says Paused at once, even with the store out of reach.
      void countStoredParts(e, ctx.signer).then((added) => {
        if (!added) return;
        ctx.changed();
        ctx.checkpoint();
      });
    } else if (reason === CANCELED)
      e.state = 'uploading'; // cancel() finishes the job and sets the state
    else {
      e.error = toAppError(err, { bucket: e.bucket }, UPLOAD_FAILED);
      e.state = 'failed';
      // The upload cannot continue for this file version: don't leave its parts on the server.
      if (e.error.code === 'file-changed' || e.error.code === 'file-unreadable') await ctx.abortOnServer();
    }
  } finally {
    e.controller = undefined;
    e.retry = undefined;
    ctx.changed();
    ctx.checkpoint();
  }
}

/**
 * A pause stops parts in flight, but a part whose last bytes had already left may still be stored,
 * its answer lost with the connection. The store's list is the truth the row shows while paused
 * (resuming asks it again anyway); when the store cannot be asked, the row keeps what was answered.
 */
async function countStoredParts(e: Entry, signer: TransferSigner): Promise<boolean> {
  const multipart = e.multipart;
  if (!multipart?.uploadId) return false;
  const stored = await signer.listParts({ profileId: e.profileId, key: e.key }, multipart.uploadId).catch(() => undefined);
  // Resumed, canceled or restarted meanwhile: that run has its own view of the parts.
  if (!stored || e.state !== 'paused' || e.multipart !== multipart) return false;
  const known = new Map(multipart.parts.map((p) => [p.partNumber, p]));
  const before = known.size;
  for (const p of stored) if (!known.has(p.partNumber)) known.set(p.partNumber, p);
  e.multipart = { ...multipart, parts: [...known.values()].sort((a, b) => a.partNumber - b.partNumber) };
  return known.size > before;
}

/** What an unrecognised failure during an upload becomes: worth a retry. */
const UPLOAD_FAILED = { code: 'upload-failed', retryable: true } as const;
