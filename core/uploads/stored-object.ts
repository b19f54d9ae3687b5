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
 * Whether an unfinished item may have reached the store: a multipart upload, or a single PUT saved
 * as in flight. An item saved as queued costs no request: a crash before its "uploading" reached the
 * disk sends it again, to the same key, and it gets its link then.
 */
const mayBeStored = (p: PersistedEntry): boolean => p.multipart !== undefined || p.state === 'uploading';

/**
 * The ETag the store gives this file whole: from the parts' MD5s for a multipart upload, else read
 * from the file (unchanged since it was queued). Nothing is hashed before a single PUT: reading
 * every file twice to spare the rare restart one read was the slower trade.
 */
function expectedOf(p: PersistedEntry): Promise<string> {
  return p.multipart ? expectedEtag({ ...p, multipart: p.multipart }) : md5Of(p.path, 0, p.size);
}

/**
 * Whether the store already holds this unfinished item complete: the engine was stopped after the
 * store took the object (CompleteMultipartUpload, or a single PUT's last byte) and before the queue
 * was saved, so the object is there though the queue says otherwise (and ListParts would fail).
 * Recognised by HeadObject: the same size and the ETag these very bytes give (read from the file
 * only once the store has an object of that size). A store with opaque ETags cannot prove it, and
 * the file uploads again instead. Any failure to ask answers "no": uploading as before stays possible.
 */
export async function storedBeforeCrash(p: PersistedEntry, signer: TransferSigner): Promise<{ etag: string } | undefined> {
  if (!mayBeStored(p)) return undefined;
  const head = await signer.headObject({ profileId: p.profileId, key: p.key }).catch(() => undefined);
  if (!head || head.size !== p.size) return undefined;
  const etag = cleanEtag(head.etag);
  if (!isMd5Etag(etag) || etag !== (await expectedOf(p).catch(() => undefined))) return undefined;
  return { etag };
}
