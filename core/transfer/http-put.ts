import { createHash } from 'node:crypto';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { S3ResponseError } from '../errors/s3-response-error';
import { fileUnreadable, type FileSnapshot } from './file-check';
import { goAhead, readSoFar } from './go-ahead';
import { readSmall } from './read-small';
import { streamBody } from './stream-body';
import { watchRequest } from './request-watchdog';
import { DEFAULT_TIMEOUTS, type RequestTimeouts } from './timeouts';

export interface PutBodyOptions {
  readonly url: string;
  readonly file: string;
  /** Byte range of the file to send; the whole file when absent. */
  readonly start?: number;
  readonly length: number;
  readonly contentType?: string;
  readonly signal?: AbortSignal;
  readonly onBytes?: (n: number) => void;
  /** A request that runs out of any of these is destroyed and counts as a network error (retried). */
  readonly timeouts?: RequestTimeouts;
  /**
   * For small bodies: the version of the file that was queued. The body is read whole and checked
   * against it on the open file after reading, which saves two path lookups per file.
   */
  readonly expect?: FileSnapshot;
}

/**
 * Bodies up to this size are read in one go instead of streamed: for a batch of small files the stream
 * machinery costs more CPU than the bytes. Bounded: at most this much per file in flight.
 */
export const SMALL_BODY_BYTES = 1024 * 1024;

export interface PutBodyResult {
  readonly etag: string;
  /** Hex MD5 of what was sent, computed on the way out. */
  readonly md5: string;
}

/**
 * Sends a file (or a slice of it) to a presigned PUT URL, computing its MD5 on the way so the
 * ETag can be checked end to end. Large bodies are streamed from disk, never held in memory.
 */
export async function putFileBody(options: PutBodyOptions): Promise<PutBodyResult> {
  const { url, file, start = 0, length, contentType, signal, onBytes, timeouts = DEFAULT_TIMEOUTS } = options;
  const small = length <= SMALL_BODY_BYTES ? await readSmall(file, start, length, options.expect) : undefined;
  signal?.throwIfAborted();
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const req = request(target, {
    method: 'PUT',
    headers: {
      'content-length': String(length),
      ...(contentType ? { 'content-type': contentType } : {}),
      // A streamed body waits for the store's go-ahead: a store that refuses the request (503
      // SlowDown, 403) answers before any of it is sent, instead of closing the connection under it,
      // which loses its answer to a write error. Not signed into presigned URLs, so always allowed.
      ...(small ? {} : { expect: '100-continue' }),
    },
  });
  watchRequest(req, timeouts);
  if (signal) abortWith(req, signal);
  // An error answer is read from its first byte: it may come before the body is sent, and the
  // connection may close under it right after (see the catch below).
  let refused: { status: number; body: Promise<string> } | undefined;
  let failure: Error | undefined;
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    req.once('response', (res: IncomingMessage) => {
      if (res.statusCode !== 200) refused = { status: res.statusCode ?? 0, body: readSoFar(res) };
      resolve(res);
    });
    req.once('error', (e) => reject((failure = e)));
  });
  // Awaited below on success; on failure the error surfaces from the body side, so don't also report it as unhandled.
  response.catch(() => undefined);
  let md5: string;
  try {
    if (small) {
      md5 = createHash('md5').update(small).digest('hex');
      req.end(small);
      await response;
      onBytes?.(length);
    } else {
      // The store answered before the body went (a refusal): the catch reads that answer.
      if (!(await goAhead(req, response))) {
        await response; // a failed request throws its own error here
        throw new Error('The store answered before the upload was sent.');
      }
      md5 = await streamBody(req, file, start, length, onBytes);
    }
  } catch (e) {
    // The store answered before it read the whole body (503 SlowDown, 400, 403) and closed the
    // connection, so sending failed ("Premature close", a reset): its answer is what went wrong.
    if (refused) {
      const said = await refused.body;
      req.destroy();
      throw S3ResponseError.fromBody(refused.status, said, 's3:PutObject', url);
    }
    req.destroy();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw fileUnreadable(file, code);
    throw e;
  }
  const res = await response;
  // A request destroyed mid-answer (a time-out, a pause) says why on itself; the answer only sees a cut.
  const body = refused
    ? await refused.body
    : await readBody(res).catch((e: unknown) => {
        throw failure ?? e;
      });
  // Both PUT and UploadPart are s3:PutObject to IAM; toAppError words the answer, retries read it.
  if (res.statusCode !== 200) throw S3ResponseError.fromBody(res.statusCode ?? 0, body, 's3:PutObject', url);
  return { etag: String(res.headers.etag ?? '').replace(/"/g, ''), md5 };
}

/**
 * Destroys the request when the signal aborts (pause, cancel), with the signal's reason. One listener,
 * removed when the request closes: http.request's own `signal` option does the same through
 * stream.finished, which adds half a dozen listeners to every request.
 */
function abortWith(req: ClientRequest, signal: AbortSignal): void {
  const onAbort = () => req.destroy(signal.reason as Error);
  signal.addEventListener('abort', onAbort, { once: true });
  req.once('close', () => signal.removeEventListener('abort', onAbort));
}

/** The answer's body as text: plain listeners, which cost less per answer than an async iterator. */
function readBody(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.once('end', () => resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    res.once('error', reject);
    // Cut off before its end (the connection dropped, or the request was destroyed): a network error, retried.
    res.once('close', () => {
      if (!res.complete) reject(Object.assign(new Error('The connection closed before the answer ended.'), { code: 'ECONNRESET' }));
    });
  });
}
