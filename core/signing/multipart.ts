import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  ListPartsCommand,
  UploadPartCommand,
  type Part,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { SigndropError, isSigndropError } from '../../common/result';
import type { ShareLink } from '../../common/uploads';
import { cleanEtag } from '../transfer/etag';
import type { ObjectRef, StoredPart, TransferSigner } from '../transfer/transfer-signer';
import { assertSignableExpiry } from './lifetime';
import { presignDirect } from './presign-direct';
import type { Signer } from './signer';

/** ListParts pages hold at most 1,000 parts (S3 limit). */
const LIST_PARTS_PAGE = 1000;

/** Turns an SDK failure into words; 5xx, SlowDown and network errors stay retryable. */
export function sdkError(e: unknown, what: string): SigndropError {
  if (isSigndropError(e)) return e;
  const err = e as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const status = err.$metadata?.httpStatusCode ?? 0;
  const name = err.name ?? err.code ?? 'Error';
  if (status === 403 || name === 'AccessDenied') {
    return SigndropError.of('access-denied', `The store refused to ${what} (${name}). Check the profile's keys and that it may write to this bucket.`);
  }
  if (name === 'NoSuchBucket') return SigndropError.of('no-such-bucket', 'The bucket does not exist. Check the bucket name in the profile.');
  const retryable = status === 0 || status >= 500 || name === 'SlowDown' || name === 'RequestTimeout';
  return SigndropError.of('upload-failed', `Could not ${what}: ${name}${err.message && err.message !== name ? ` (${err.message})` : ''}.`, retryable);
}

export async function createMultipartUpload(signer: Signer, profileId: string, key: string): Promise<string> {
  const { client, profile } = await signer.resolve(profileId);
  const out = await client.send(new CreateMultipartUploadCommand({ Bucket: profile.bucket, Key: key })).catch((e: unknown) => {
    throw sdkError(e, 'start a multipart upload');
  });
  if (!out.UploadId) throw SigndropError.of('upload-failed', 'The store started a multipart upload but gave no upload id.', true);
  return out.UploadId;
}

/** A presigned UploadPart URL; built without checksum parameters (core/s3/client.ts, presign-direct.ts). */
export async function presignUploadPart(
  signer: Signer,
  profileId: string,
  key: string,
  uploadId: string,
  partNumber: number,
  expiresInSeconds: number,
): Promise<ShareLink> {
  assertSignableExpiry(expiresInSeconds);
  const { client, profile } = await signer.resolve(profileId);
  const signingDate = new Date();
  const url =
    (await presignDirect(client, profile, { method: 'PUT', key, query: { partNumber: String(partNumber), uploadId }, expiresInSeconds, signingDate })) ??
    (await getSignedUrl(client, new UploadPartCommand({ Bucket: profile.bucket, Key: key, UploadId: uploadId, PartNumber: partNumber }), { expiresIn: expiresInSeconds, signingDate }));
  return { url, expiresAt: new Date(signingDate.getTime() + expiresInSeconds * 1000).toISOString() };
}

/**
 * The share link for an uploaded file: a GET that downloads under its own name, through the
 * Signer's batch path (the SDK's own signing, configured once per profile, so a link costs
 * microseconds) and its lifetime rules (never longer than temporary credentials live).
 */
export async function presignShareLink(signer: Signer, profileId: string, key: string, expiresInSeconds: number, downloadName: string): Promise<ShareLink> {
  const { links, expiresAt } = await signer.presignGetBatch(profileId, [{ key, downloadName }], { expiresInSeconds });
  return { url: links[0]!.url, expiresAt };
}

/** A presigned PUT for the engine's single-request uploads: the fast path where it applies, else the Signer's. */
export async function presignUploadPut(signer: Signer, profileId: string, key: string, expiresInSeconds: number): Promise<ShareLink> {
  assertSignableExpiry(expiresInSeconds);
  const { client, profile } = await signer.resolve(profileId);
  const signingDate = new Date();
  const url = await presignDirect(client, profile, { method: 'PUT', key, expiresInSeconds, signingDate });
  if (!url) return signer.presignPut(profileId, key, { expiresInSeconds });
  return { url, expiresAt: new Date(signingDate.getTime() + expiresInSeconds * 1000).toISOString() };
}

export async function completeMultipartUpload(
  signer: Signer,
  profileId: string,
  key: string,
  uploadId: string,
  parts: readonly { partNumber: number; etag: string }[],
): Promise<string> {
  const { client, profile } = await signer.resolve(profileId);
  const sorted = [...parts].sort((a, b) => a.partNumber - b.partNumber);
  const out = await client
    .send(
      new CompleteMultipartUploadCommand({
        Bucket: profile.bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: sorted.map((p) => ({ PartNumber: p.partNumber, ETag: `"${p.etag}"` })) },
      }),
    )
    .catch((e: unknown) => {
      throw sdkError(e, 'finish the multipart upload');
    });
  return cleanEtag(out.ETag);
}

export async function abortMultipartUpload(signer: Signer, profileId: string, key: string, uploadId: string): Promise<void> {
  const { client, profile } = await signer.resolve(profileId);
  await client.send(new AbortMultipartUploadCommand({ Bucket: profile.bucket, Key: key, UploadId: uploadId })).catch((e: unknown) => {
    // Already gone is what we wanted.
    if ((e as { name?: string }).name === 'NoSuchUpload') return;
    throw sdkError(e, 'abort the multipart upload');
  });
}

/** All stored parts (paged), or undefined when the upload is gone. */
export async function listParts(signer: Signer, profileId: string, key: string, uploadId: string): Promise<StoredPart[] | undefined> {
  const { client, profile } = await signer.resolve(profileId);
  const parts: StoredPart[] = [];
  let marker: string | undefined;
  for (;;) {
    let page;
    try {
      page = await client.send(
        new ListPartsCommand({ Bucket: profile.bucket, Key: key, UploadId: uploadId, MaxParts: LIST_PARTS_PAGE, ...(marker ? { PartNumberMarker: marker } : {}) }),
      );
    } catch (e) {
      if ((e as { name?: string }).name === 'NoSuchUpload') return undefined;
      throw sdkError(e, 'list the parts already uploaded');
    }
    for (const p of page.Parts ?? ([] as Part[])) {
      parts.push({ partNumber: p.PartNumber ?? 0, etag: cleanEtag(p.ETag), size: p.Size ?? 0 });
    }
    if (!page.IsTruncated || !page.NextPartNumberMarker) return parts;
    marker = page.NextPartNumberMarker;
  }
}

export async function headObject(signer: Signer, profileId: string, key: string): Promise<{ etag: string; size: number }> {
  const { client, profile } = await signer.resolve(profileId);
  const out = await client.send(new HeadObjectCommand({ Bucket: profile.bucket, Key: key })).catch((e: unknown) => {
    throw sdkError(e, 'read the uploaded object back');
  });
  return { etag: cleanEtag(out.ETag), size: out.ContentLength ?? 0 };
}

/** The transfer engine's view of the Signer: URLs and results only. */
export function transferSignerFor(signer: Signer): TransferSigner {
  return {
    describe: async (profileId) => {
      const p = await signer.profile(profileId);
      return { bucket: p.bucket, keyTemplate: p.keyTemplate };
    },
    presignPut: ({ profileId, key }, expiresInSeconds) => presignUploadPut(signer, profileId, key, expiresInSeconds),
    createMultipart: ({ profileId, key }) => createMultipartUpload(signer, profileId, key),
    presignPart: ({ profileId, key }, uploadId, partNumber, expires) => presignUploadPart(signer, profileId, key, uploadId, partNumber, expires),
    listParts: ({ profileId, key }, uploadId) => listParts(signer, profileId, key, uploadId),
    completeMultipart: ({ profileId, key }, uploadId, parts) => completeMultipartUpload(signer, profileId, key, uploadId, parts),
    abortMultipart: ({ profileId, key }, uploadId) => abortMultipartUpload(signer, profileId, key, uploadId),
    headObject: ({ profileId, key }: ObjectRef) => headObject(signer, profileId, key),
    presignGet: ({ profileId, key }, expiresInSeconds, downloadName) => presignShareLink(signer, profileId, key, expiresInSeconds, downloadName),
  };
}
