import { cleanEtag, isMd5Etag, multipartEtag } from '../transfer/etag';
import { md5Of } from '../transfer/file-md5';
import { planParts } from '../transfer/part-plan';
import type { TransferSigner } from '../transfer/transfer-signer';
import type { PersistedEntry } from './queue-store';

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
 * The ETag the store would give this unfinished item if it got it whole, when the item may have
 * reached the store: a multipart upload (its parts' MD5s), or a single PUT that was in flight (the
 * MD5 saved before the PUT started, else read from the file, which is unchanged since it was
 * queued). Undefined for an item that never started.
 */
async function expectedOf(p: PersistedEntry): Promise<string | undefined> {
  if (p.multipart) return expectedEtag({ ...p, multipart: p.multipart });
  if (p.state !== 'uploading' && p.md5 === undefined) return undefined;
  return p.md5 ?? md5Of(p.path, 0, p.size);
}

/**
 * Whether the store already holds this unfinished item complete: the engine was stopped after the
 * store took the object (CompleteMultipartUpload, or a single PUT's last byte) and before the queue
 * was saved, so the object is there though the queue says otherwise (and ListParts would fail).
 * Recognised by HeadObject: the same size and the ETag these very bytes give. A store with opaque
 * ETags cannot prove it, and the file uploads again instead. Any failure to ask answers "no":
 * uploading as before stays possible.
 */
export async function storedBeforeCrash(p: PersistedEntry, signer: TransferSigner): Promise<{ etag: string } | undefined> {
  const expected = await expectedOf(p).catch(() => undefined);
  if (expected === undefined) return undefined;
  const head = await signer.headObject({ profileId: p.profileId, key: p.key }).catch(() => undefined);
  if (!head || head.size !== p.size) return undefined;
  const etag = cleanEtag(head.etag);
  if (!isMd5Etag(etag) || etag !== expected) return undefined;
  return { etag };
}
