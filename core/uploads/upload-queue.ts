import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { renderKey } from '../../common/key-template';
import { isSigndropError, type AppError } from '../../common/result';
import type { UploadItem } from '../../common/uploads';
import type { Signer } from '../signing/signer';
import { putFileBody } from '../transfer/http-put';
import type { LocalFile } from './collect-files';

export interface EnqueueRequest {
  readonly profileId: string;
  readonly expiresInSeconds: number;
  readonly files: readonly LocalFile[];
}

type Listener = (item: UploadItem) => void;

/** How many files upload at once. */
export const DEFAULT_FILE_CONCURRENCY = 4;

/**
 * The upload queue: signs a PUT per file, streams it, checks the ETag against the MD5
 * computed on the way, then signs the share link. Holds URLs, never keys.
 */
export class UploadQueue {
  private readonly items = new Map<string, UploadItem>();
  private readonly jobs: { id: string; file: LocalFile; request: EnqueueRequest }[] = [];
  private readonly listeners = new Set<Listener>();
  private running = 0;

  constructor(
    private readonly signer: Signer,
    private readonly concurrency = DEFAULT_FILE_CONCURRENCY,
  ) {}

  /** Adds files to the queue and starts them; returns their items as queued. */
  async enqueue(request: EnqueueRequest): Promise<UploadItem[]> {
    const profile = await this.signer.profile(request.profileId);
    const now = new Date();
    const added = request.files.map((file) => {
      const rendered = renderKey(profile.keyTemplate, { relativePath: file.relativePath, now, uuid: randomUUID() });
      const item: UploadItem = {
        id: randomUUID(),
        profileId: request.profileId,
        name: file.relativePath,
        size: file.size,
        key: 'key' in rendered ? rendered.key : '',
        bucket: profile.bucket,
        state: 'error' in rendered ? 'failed' : 'queued',
        bytesSent: 0,
        ...('error' in rendered ? { error: { code: 'invalid-input' as const, message: rendered.error, retryable: false } } : {}),
      };
      this.items.set(item.id, item);
      if (item.state === 'queued') this.jobs.push({ id: item.id, file, request });
      return item;
    });
    this.pump();
    return added;
  }

  list(): UploadItem[] {
    return [...this.items.values()];
  }

  onChanged(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when nothing is queued or running. */
  async idle(): Promise<void> {
    while (this.running > 0 || this.jobs.length > 0) {
      await new Promise<void>((resolve) => {
        const off = this.onChanged(() => {
          off();
          resolve();
        });
      });
    }
  }

  private pump(): void {
    while (this.running < this.concurrency && this.jobs.length > 0) {
      const job = this.jobs.shift()!;
      this.running++;
      void this.run(job.id, job.file, job.request).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async run(id: string, file: LocalFile, request: EnqueueRequest): Promise<void> {
    const item = this.items.get(id)!;
    this.update(id, { state: 'uploading' });
    try {
      const now = await stat(file.path).catch(() => undefined);
      if (!now) throw new Error(`${file.path} is gone; it was moved or deleted after it was added.`);
      if (now.size !== file.size || now.mtimeMs !== file.mtimeMs) {
        throw new Error(`${file.path} changed after it was added; add it again to upload the new version.`);
      }
      const put = await this.signer.presignPut(request.profileId, item.key, { expiresInSeconds: 3600 });
      let sent = 0;
      const { etag, md5 } = await putFileBody({
        url: put.url,
        file: file.path,
        length: file.size,
        onBytes: (n) => {
          sent += n;
          this.update(id, { bytesSent: sent });
        },
      });
      // A single PUT's ETag is the body's MD5, unless the store encrypts with KMS (then it is opaque).
      if (/^[0-9a-f]{32}$/.test(etag) && etag !== md5) {
        throw new Error(`The store received different bytes than were sent (MD5 ${md5}, ETag ${etag}). Retry the upload.`);
      }
      const link = await this.signer.presignGet(request.profileId, item.key, {
        expiresInSeconds: request.expiresInSeconds,
        downloadName: file.relativePath.slice(file.relativePath.lastIndexOf('/') + 1),
      });
      this.update(id, { state: 'completed', etag, link: { url: link.url, expiresAt: link.expiresAt } });
    } catch (e) {
      this.update(id, { state: 'failed', error: toAppError(e) });
    }
  }

  private update(id: string, patch: Partial<UploadItem>): void {
    const next = { ...this.items.get(id)!, ...patch };
    this.items.set(id, next);
    for (const listener of this.listeners) listener(next);
  }
}

export function toAppError(e: unknown): AppError {
  if (isSigndropError(e)) return e.appError;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ECONNREFUSED' || err?.code === 'ENOTFOUND') {
    return { code: 'endpoint-unreachable', message: `The storage endpoint could not be reached (${err.code}). Check the endpoint URL and your network.`, retryable: true };
  }
  return { code: 'upload-failed', message: err instanceof Error ? err.message : String(e), retryable: true };
}
