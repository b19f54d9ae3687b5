import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { S3ResponseError } from '../errors/s3-response-error';
import { fileChanged, fileUnreadable, sameVersion, type FileSnapshot } from './file-check';
import { DEFAULT_TIMEOUTS, timedOut, type RequestTimeouts } from './timeouts';

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
  /** For small bodies: told the body's MD5 once it is read, and awaited before the first byte is sent. */
  readonly beforeSend?: (md5: string) => Promise<void>;
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

/** Reads a small body whole through one open file, checking it is still the queued version. */
async function readSmall(file: string, start: number, length: number, expect?: FileSnapshot): Promise<Buffer> {
  const handle = await open(file, 'r').catch((e: NodeJS.ErrnoException) => {
    throw fileUnreadable(file, e.code);
  });
  try {
    const buffer = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const { bytesRead } = await handle.read(buffer, got, length - got, start + got);
      if (bytesRead === 0) throw fileChanged(file, `while it was uploading (it ended after ${start + got} bytes)`);
      got += bytesRead;
    }
    // One check, after reading, on the file actually read: a change before or during the read shows
    // in its size or mtime here (a check before reading too would cost a thread-pool round trip a file).
    if (expect && !sameVersion(await handle.stat(), expect)) throw fileChanged(file, 'after it was added');
    return buffer;
  } finally {
    await handle.close();
  }
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
    signal,
  });
  armTimeouts(req, timeouts);
  // An error answer is read from its first byte: it may come before the body is sent, and the
  // connection may close under it right after (see the catch below).
  let refused: { status: number; body: Promise<string> } | undefined;
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    req.once('response', (res: IncomingMessage) => {
      if (res.statusCode !== 200) refused = { status: res.statusCode ?? 0, body: readSoFar(res) };
      resolve(res);
    });
    req.once('error', reject);
  });
  // Awaited below on success; on failure the error surfaces from the body side, so don't also report it as unhandled.
  response.catch(() => undefined);
  let md5: string;
  try {
    if (small) {
      md5 = createHash('md5').update(small).digest('hex');
      await options.beforeSend?.(md5);
      req.end(small);
      await response;
      onBytes?.(length);
    } else {
      md5 = await streamBody(req, file, start, length, onBytes, response);
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
  const body = refused ? await refused.body : await readBody(res);
  // Both PUT and UploadPart are s3:PutObject to IAM; toAppError words the answer, retries read it.
  if (res.statusCode !== 200) throw S3ResponseError.fromBody(res.statusCode ?? 0, body, 's3:PutObject', url);
  return { etag: String(res.headers.etag ?? '').replace(/"/g, ''), md5 };
}

const seconds = (ms: number) => `${ms / 1000} s`;

/**
 * Connect, first byte and idle time-outs on one request: without them a store that accepts the
 * connection and never answers holds the upload forever.
 */
function armTimeouts(req: ClientRequest, t: RequestTimeouts): void {
  const fail = (what: string) => req.destroy(timedOut(what));
  const timers: NodeJS.Timeout[] = [];
  const after = (ms: number, what: string) => {
    const timer = setTimeout(() => fail(what), ms);
    timers.push(timer);
    return timer;
  };
  req.once('close', () => timers.forEach(clearTimeout));
  req.once('socket', (socket) => {
    // A kept-alive socket is already connected; a new one must connect in time.
    if (!socket.connecting) return;
    const connect = after(t.connectTimeoutMs, `no connection within ${seconds(t.connectTimeoutMs)}`);
    socket.once('connect', () => clearTimeout(connect));
  });
  req.once('finish', () => {
    const firstByte = after(t.firstByteTimeoutMs, `no answer within ${seconds(t.firstByteTimeoutMs)} of the upload's last byte`);
    req.once('response', () => clearTimeout(firstByte));
  });
  // Node arms this once the socket is connected, and it covers reading the answer too.
  req.setTimeout(t.idleTimeoutMs, () => fail(`nothing moved for ${seconds(t.idleTimeoutMs)}`));
}

/**
 * A store that ignores `Expect: 100-continue` (it waits for the body) gets it after this long, as
 * curl does: short next to a part's transfer, long next to any store's answer on a working link.
 */
export const CONTINUE_WAIT_MS = 1_000;

/** Resolves true when the body should go (the store said continue, or did not answer in time); false when it answered instead. */
function goAhead(req: ClientRequest, response: Promise<unknown>): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), CONTINUE_WAIT_MS);
    req.flushHeaders(); // nothing else would send them until the body's first write
    const settle = (go: boolean) => {
      clearTimeout(timer);
      resolve(go);
    };
    req.once('continue', () => settle(true));
    response.then(
      () => settle(false),
      () => settle(false),
    );
  });
}

async function streamBody(
  req: ClientRequest,
  file: string,
  start: number,
  length: number,
  onBytes: ((n: number) => void) | undefined,
  answered: Promise<unknown>,
): Promise<string> {
  // The store answered before the body went (a refusal): the caller reads that answer.
  if (!(await goAhead(req, answered))) {
    await answered; // a failed request throws its own error here
    throw new Error('The store answered before the upload was sent.');
  }
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
      if (streamed !== length) done(fileChanged(file, `while it was uploading (it ended after ${start + streamed} bytes)`));
      else done();
    },
  });
  const response = new Promise<void>((resolve, reject) => {
    req.once('response', () => resolve());
    req.once('error', reject);
  });
  response.catch(() => undefined); // the pipeline reports the same failure
  const source = length === 0 ? [] : createReadStream(file, { start, end: start + length - 1, highWaterMark: 256 * 1024 });
  await Promise.all([pipeline(source, counter, req), response]);
  return md5.digest('hex');
}

/** How long an early answer's body may take to arrive: it is a few hundred bytes already on their way. */
const EARLY_ANSWER_BODY_MS = 1_000;

/** What has arrived of an answer whose connection is going away: the whole body, or as much as came. */
function readSoFar(res: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const timer = setTimeout(done, EARLY_ANSWER_BODY_MS);
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.once('end', done);
    res.once('error', done);
    res.once('close', done);
  });
}

async function readBody(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
