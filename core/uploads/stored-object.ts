import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { cleanEtag, isMd5Etag, multipartEtag } from '../transfer/etag';
import { planParts } from '../transfer/part-plan';
import type { TransferSigner } from '../transfer/transfer-signer';
import type { PersistedEntry } from './queue-store';

/** Hex MD5 of `length` bytes of a file from `start`. */
async function md5Of(path: string, start: number, length: number): Promise<string> {
  const hash = createHash('md5');
  if (length > 0) for await (const chunk of createReadStream(path, { start, end: start + length - 1 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The ETag the store gives this file uploaded in `partSize` parts: from the saved part MD5s when
 * the checkpoint holds every part, else read from the file (a crash can come before the last
 * parts were saved).
 */
async function expectedEtag(p: PersistedEntry & { multipart: NonNullable<PersistedEntry['multipart']> }): Promise<string> {
  const plan = planParts(p.size, p.multipart.partSize);
  const saved = new Map(p.multipart.parts.map((part) => [part.partNumber, part.md5]));
  const md5s: string[] = [];
  for (const part of plan) md5s.push(saved.get(part.partNumber) ?? (await md5Of(p.path, part.start, part.length)));
  return multipartEtag(md5s);
}

/**
 * Whether the store already holds this unfinished multipart upload complete: the engine was
 * stopped after CompleteMultipartUpload and before the queue was saved, so the upload id is gone
 * (ListParts would fail) but the object is there. Recognised by HeadObject: the same size and the
 * ETag these very bytes give. A store with opaque ETags cannot prove it, and the file uploads
 * again instead. Any failure to ask answers "no": resuming as before stays possible.
 */
export async function storedBeforeCrash(p: PersistedEntry, signer: TransferSigner): Promise<{ etag: string } | undefined> {
  const multipart = p.multipart;
  if (!multipart) return undefined;
  const head = await signer.headObject({ profileId: p.profileId, key: p.key }).catch(() => undefined);
  if (!head || head.size !== p.size) return undefined;
  const etag = cleanEtag(head.etag);
  if (!isMd5Etag(etag) || etag !== (await expectedEtag({ ...p, multipart }).catch(() => undefined))) return undefined;
  return { etag };
}
