import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Hex MD5 of `length` bytes of a file from `start`: what a store that uses MD5 ETags answers for those bytes. */
export async function md5Of(path: string, start: number, length: number): Promise<string> {
  const hash = createHash('md5');
  if (length > 0) for await (const chunk of createReadStream(path, { start, end: start + length - 1 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
