import { SigndropError } from '../../common/result';
import type { IntegrityCheck } from '../../common/uploads';
import { cleanEtag, isMd5Etag, multipartEtag } from './etag';
import { checkUnchanged, type FileSnapshot } from './file-check';
import { putFileBody, SMALL_BODY_BYTES } from './http-put';
import { startMultipart } from './multipart-start';
import { choosePartSize, planParts, type PartRange } from './part-plan';
import { withRetry, type RetryOptions, type RetryPolicy } from './retry';
import type { RequestTimeouts } from './timeouts';
import type { ObjectRef, TransferSigner } from './transfer-signer';

/**
 * The default lifetime of upload URLs (TransferSettings.urlExpirySeconds): an hour is long enough
 * for a slow part, and short enough that a leaked URL is soon worthless. Each attempt signs afresh,
 * and temporary credentials shorten it further (the Signer's lifetime rules).
 */
export const DEFAULT_UPLOAD_URL_EXPIRY_S = 3600;

export interface DonePart {
  readonly partNumber: number;
  readonly etag: string;
  /** Hex MD5 of the part as read from disk (the ETag when the store uses MD5s). */
  readonly md5?: string;
  readonly size: number;
}

/** What a multipart upload needs to continue after a pause or a restart. */
export interface MultipartCheckpoint {
  readonly uploadId: string;
  readonly partSize: number;
  readonly parts: readonly DonePart[];
}

export interface TransferSettings extends RequestTimeouts {
  readonly multipartThreshold: number;
  readonly partSize: number;
  readonly partConcurrency: number;
  readonly retry: RetryPolicy;
  readonly urlExpirySeconds: number;
  readonly now: () => number;
}

export interface FileUploadOptions {
  readonly signer: TransferSigner;
  readonly ref: ObjectRef;
  readonly file: FileSnapshot;
  readonly settings: TransferSettings;
  readonly signal: AbortSignal;
  readonly resume?: MultipartCheckpoint;
  /** Bytes moved; negative when a failed attempt's bytes are taken back. */
  readonly onBytes: (delta: number) => void;
  readonly onCheckpoint: (checkpoint: MultipartCheckpoint) => void;
  readonly onParts?: (done: number, total: number) => void;
  /** Retry notices and the store's contact, shared by every request of this file. */
  readonly retryHooks?: Pick<RetryOptions, 'onRetry' | 'onAnswer' | 'contact'>;
}

export interface FileUploadResult {
  readonly etag: string;
  readonly integrity: IntegrityCheck;
}

const integrityError = (what: string, got: string, expected: string, retryable: boolean) =>
  SigndropError.of(
    'integrity-mismatch',
    `The store's copy of ${what} does not match the file read from disk (ETag ${got}, expected ${expected}).${retryable ? ' Retrying.' : ' The upload cannot be trusted: retry it.'}`,
    retryable,
  );

/** Uploads one file: one presigned PUT below the threshold, parallel presigned parts above it. */
export async function uploadFile(options: FileUploadOptions): Promise<FileUploadResult> {
  if (options.file.size < options.settings.multipartThreshold && !options.resume) return uploadSingle(options);
  await checkUnchanged(options.file);
  return uploadMultipart(options);
}

async function uploadSingle({ signer, ref, file, settings, signal, onBytes, retryHooks }: FileUploadOptions): Promise<FileUploadResult> {
  const small = file.size <= SMALL_BODY_BYTES;
  const result = await withRetry(
    async () => {
      // A small body is read whole and checked on the open file (http-put.ts); a large one here.
      if (!small) await checkUnchanged(file);
      const put = await signer.presignPut(ref, settings.urlExpirySeconds);
      let sent = 0;
      try {
        const { etag, md5 } = await putFileBody({
          url: put.url,
          file: file.path,
          length: file.size,
          signal,
          timeouts: settings,
          // Signed into the URL when set (signer-for-transfers.ts): sent exactly as signed.
          ...(ref.contentType ? { contentType: ref.contentType } : {}),
          ...(small ? { expect: file } : {}),
          onBytes: (n) => {
            sent += n;
            onBytes(n);
          },
        });
        if (isMd5Etag(etag) && etag !== md5) throw integrityError(file.path, etag, md5, true);
        return { etag, integrity: isMd5Etag(etag) ? ('verified' as const) : ('skipped' as const) };
      } catch (e) {
        onBytes(-sent);
        throw e;
      }
    },
    { policy: settings.retry, signal, now: settings.now, ...retryHooks },
  );
  // Changed while it was streamed: the object may mix old and new bytes.
  if (!small) await checkUnchanged(file);
  return result;
}

type Retry = <T>(fn: (n: number) => Promise<T>) => Promise<T>;

/**
 * Where a multipart upload picks up: the parts the store already holds whole (the store is the
 * truth; our MD5 is kept where we have one), or nothing when the upload is gone from the server
 * (aborted or expired), so it starts over.
 */
async function resumePoint(options: FileUploadOptions, retry: Retry): Promise<{ uploadId?: string; partSize: number; done: Map<number, DonePart> }> {
  const { signer, ref, file, settings, resume } = options;
  const done = new Map<number, DonePart>();
  const fresh = { partSize: choosePartSize(file.size, settings.partSize), done };
  if (!resume?.uploadId) return resume ? { ...fresh, partSize: resume.partSize } : fresh;
  const uploadId = resume.uploadId;
  const stored = await retry(() => signer.listParts(ref, uploadId));
  if (!stored) return fresh;
  const known = new Map(resume.parts.map((p) => [p.partNumber, p]));
  const plan = new Map(planParts(file.size, resume.partSize).map((p) => [p.partNumber, p]));
  for (const p of stored) {
    if (plan.get(p.partNumber)?.length !== p.size) continue;
    const md5 = isMd5Etag(p.etag) ? p.etag : known.get(p.partNumber)?.md5;
    done.set(p.partNumber, { partNumber: p.partNumber, etag: p.etag, size: p.size, ...(md5 ? { md5 } : {}) });
  }
  return { uploadId, partSize: resume.partSize, done };
}

/**
 * Runs `send` over the parts, `concurrency` at a time. One part that cannot be sent fails the
 * file: the others are stopped at once, and the first failure is what the caller sees.
 */
async function sendAll(
  parts: readonly PartRange[],
  concurrency: number,
  signal: AbortSignal,
  send: (part: PartRange, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const local = new AbortController();
  const onOuterAbort = () => local.abort(signal.reason);
  signal.addEventListener('abort', onOuterAbort, { once: true });
  let next = 0;
  const worker = async () => {
    while (next < parts.length && !local.signal.aborted) await send(parts[next++]!, local.signal);
  };
  try {
    const workers = Array.from({ length: Math.max(1, Math.min(concurrency, parts.length)) }, () =>
      worker().catch((e: unknown) => {
        if (!local.signal.aborted) local.abort(e);
        throw e;
      }),
    );
    const settled = await Promise.allSettled(workers);
    if (signal.aborted) throw signal.reason;
    const failure = settled.find((s) => s.status === 'rejected');
    if (failure) throw local.signal.reason ?? failure.reason;
  } finally {
    signal.removeEventListener('abort', onOuterAbort);
  }
}

async function uploadMultipart(options: FileUploadOptions): Promise<FileUploadResult> {
  const { signer, ref, file, settings, signal, onBytes, onCheckpoint } = options;
  const hooks = { now: settings.now, ...options.retryHooks };
  const retry: Retry = (fn) => withRetry(fn, { policy: settings.retry, signal, ...hooks });
  const { uploadId: resumed, partSize, done } = await resumePoint(options, retry);
  const id = resumed ?? (await startMultipart(signer, ref, retry));
  const plan = planParts(file.size, partSize);
  const checkpoint = () => onCheckpoint({ uploadId: id, partSize, parts: [...done.values()] });
  checkpoint();
  onBytes([...done.values()].reduce((sum, p) => sum + p.size, 0));
  options.onParts?.(done.size, plan.length);

  const sendPart = (part: PartRange, partSignal: AbortSignal) =>
    withRetry(
      async () => {
        await checkUnchanged(file);
        // Signed just before each attempt, so no attempt (a retry after a long backoff, say) starts on an expired or dying URL.
        const { url } = await signer.presignPart(ref, id, part.partNumber, settings.urlExpirySeconds);
        let sent = 0;
        try {
          const { etag, md5 } = await putFileBody({
            url,
            file: file.path,
            start: part.start,
            length: part.length,
            signal: partSignal,
            timeouts: settings,
            onBytes: (n) => {
              sent += n;
              onBytes(n);
            },
          });
          if (isMd5Etag(etag) && etag !== md5) throw integrityError(`part ${part.partNumber} of ${file.path}`, etag, md5, true);
          return { partNumber: part.partNumber, etag, md5, size: part.length };
        } catch (e) {
          onBytes(-sent);
          throw e;
        }
      },
      { policy: settings.retry, signal: partSignal, ...hooks },
    );

  const pending = plan.filter((p) => !done.has(p.partNumber));
  await sendAll(pending, settings.partConcurrency, signal, async (part, partSignal) => {
    const result = await sendPart(part, partSignal);
    done.set(result.partNumber, result);
    checkpoint();
    options.onParts?.(done.size, plan.length);
  });

  await checkUnchanged(file);
  const parts = plan.map((p) => done.get(p.partNumber)!);
  let etag = await retry(() => signer.completeMultipart(ref, id, parts));
  // radosgw (and some others) answer Complete with no ETag: read it back.
  if (!etag) etag = cleanEtag((await retry(() => signer.headObject(ref))).etag);
  const md5s = parts.map((p) => p.md5);
  if (!isMd5Etag(etag) || md5s.some((m) => !m)) return { etag, integrity: 'skipped' };
  const expected = multipartEtag(md5s as string[]);
  if (etag !== expected) throw integrityError(file.path, etag, expected, false);
  return { etag, integrity: 'verified' };
}
