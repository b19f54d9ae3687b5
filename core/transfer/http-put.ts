import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SigndropError } from '../../common/result';

export interface PutBodyOptions {
  readonly url: string;
  readonly file: string;
  /** Byte range of the file to send; the whole file when absent. */
  readonly start?: number;
  readonly length: number;
  readonly contentType?: string;
  readonly signal?: AbortSignal;
  readonly onBytes?: (n: number) => void;
  /** A request that moves no bytes for this long is a stall: it is destroyed and counts as a network error. */
  readonly idleTimeoutMs?: number;
}

/** No byte in or out for this long means the connection is stuck (a proxy or NAT dropped it silently). */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

export interface PutBodyResult {
  readonly etag: string;
  /** Hex MD5 of what was streamed, computed on the way out. */
  readonly md5: string;
}

/**
 * Streams a file (or a slice of it) to a presigned PUT URL from disk, never holding it in memory,
 * computing its MD5 as it goes so the ETag can be checked end to end.
 */
export async function putFileBody(options: PutBodyOptions): Promise<PutBodyResult> {
  const { url, file, start = 0, length, contentType, signal, onBytes, idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS } = options;
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const md5 = createHash('md5');
  let streamed = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      streamed += chunk.length;
      md5.update(chunk);
      onBytes?.(chunk.length);
      done(null, chunk);
    },
    flush(done) {
      // The file shrank while it was read: the request would wait forever for the missing bytes.
      if (streamed !== length) done(SigndropError.of('file-changed', `${file} changed while it was uploading (it ended after ${start + streamed} bytes); add it again to upload the new version.`));
      else done();
    },
  });

  const req = request(target, {
    method: 'PUT',
    headers: { 'content-length': String(length), ...(contentType ? { 'content-type': contentType } : {}) },
    signal,
  });
  req.setTimeout(idleTimeoutMs, () => {
    const stalled = Object.assign(new Error(`The upload stalled: nothing moved for ${idleTimeoutMs / 1000} s.`), { code: 'ETIMEDOUT' });
    req.destroy(stalled);
  });
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
  });
  const source = length === 0 ? [] : createReadStream(file, { start, end: start + length - 1, highWaterMark: 256 * 1024 });
  await Promise.all([pipeline(source, counter, req), response]).catch((e: unknown) => {
    req.destroy();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      throw SigndropError.of('file-unreadable', `${file} can no longer be read (${code}): it was moved, deleted or locked while uploading.`);
    }
    throw e;
  });
  const res = await response;
  const body = await readBody(res);
  if (res.statusCode !== 200) throw httpError(res.statusCode ?? 0, body);
  return { etag: String(res.headers.etag ?? '').replace(/"/g, ''), md5: md5.digest('hex') };
}

async function readBody(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Maps an S3 error response to words and whether retrying can help. */
export function httpError(status: number, body: string): SigndropError {
  const code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1] ?? `HTTP ${status}`;
  const retryable = status >= 500 || code === 'SlowDown' || code === 'RequestTimeout';
  if (status === 403 && /expired/i.test(body)) {
    // The presigned URL ran out; the engine signs a new one.
    return SigndropError.of('upload-failed', 'The upload link expired before the upload finished; signing a new one.', true);
  }
  if (status === 403) {
    return SigndropError.of('access-denied', `The store refused the upload (${code}). Check the profile's keys and that it may write to this bucket.`);
  }
  if (code === 'NoSuchBucket') {
    return SigndropError.of('no-such-bucket', 'The bucket does not exist. Check the bucket name in the profile.');
  }
  return SigndropError.of('upload-failed', `The store answered ${status} ${code}.${retryable ? ' Retrying may help.' : ''}`, retryable);
}
