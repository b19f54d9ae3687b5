import { createHash } from 'node:crypto';
import { close, open, read } from 'node:fs';
import type { ClientRequest } from 'node:http';
import { fileChanged } from './file-check';

/**
 * Bytes read from disk and written to the socket at a time. A mebibyte keeps the calls per gigabyte
 * near a thousand; more only holds more memory per part in flight.
 */
export const CHUNK_BYTES = 1024 * 1024;
/** Chunks of one body in flight: one being read (and hashed) while the one before it is written. */
const CHUNKS_PER_BODY = 2;
/** Chunk buffers kept between bodies, enough for the parts of one file at once and some. */
const MAX_SPARE = 16;

/**
 * Chunk buffers no request holds. A body reads into the same few buffers from start to end, and the
 * next body takes them over: a read stream allocates a new buffer per chunk, and for a gigabyte
 * that was a thousand-odd external allocations for V8 to collect (a tenth of the upload's CPU, and
 * a peak memory that grew with the speed).
 */
const spare: Buffer[] = [];

const openFile = (file: string) => new Promise<number>((resolve, reject) => open(file, 'r', (e, fd) => (e ? reject(e) : resolve(fd))));
const readInto = (fd: number, buffer: Buffer, length: number, position: number) =>
  new Promise<number>((resolve, reject) => read(fd, buffer, 0, length, position, (e, n) => (e ? reject(e) : resolve(n))));

/**
 * Sends `length` bytes of a file from `start` as the request's body, computing their MD5 on the
 * same read that sends them (no copy), and resolves with it once the answer's head arrives.
 * Memory is bounded: CHUNKS_PER_BODY chunks, whatever the size.
 */
export async function streamBody(req: ClientRequest, file: string, start: number, length: number, onBytes?: (n: number) => void): Promise<string> {
  const failed = new Promise<never>((_, reject) => {
    req.once('error', reject);
    req.once('close', () => reject(Object.assign(new Error('The connection closed before the store answered.'), { code: 'ECONNRESET' })));
  });
  failed.catch(() => undefined); // raced below; the first failure is the one reported
  const answered = new Promise<void>((resolve) => req.once('response', () => resolve()));
  const until = <T>(p: Promise<T>) => Promise.race([p, failed]);
  const md5 = createHash('md5');
  const fd = await openFile(file);
  const free: Buffer[] = Array.from({ length: CHUNKS_PER_BODY }, () => spare.pop() ?? Buffer.allocUnsafeSlow(CHUNK_BYTES));
  let wake: (() => void) | undefined;
  try {
    for (let sent = 0; sent < length;) {
      // A buffer is read into again only once the socket has written it.
      while (free.length === 0) await until(new Promise<void>((resolve) => (wake = resolve)));
      const buffer = free.pop()!;
      const n = await until(readInto(fd, buffer, Math.min(CHUNK_BYTES, length - sent), start + sent));
      // The file shrank while it was read: the request would wait forever for the missing bytes.
      if (n === 0) throw fileChanged(file, `while it was uploading (it ended after ${start + sent} bytes)`);
      const chunk = n === buffer.length ? buffer : buffer.subarray(0, n);
      md5.update(chunk);
      sent += n;
      req.write(chunk, (e) => {
        if (e) return;
        free.push(buffer);
        wake?.();
      });
      onBytes?.(n);
    }
    req.end();
    await until(answered);
    return md5.digest('hex');
  } finally {
    close(fd, () => undefined);
    // Only buffers the socket is done with go back; any still queued on a destroyed request are left to the collector.
    for (const buffer of free) if (spare.length < MAX_SPARE) spare.push(buffer);
  }
}
