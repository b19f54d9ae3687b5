import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  ListPartsCommand,
  type Part,
} from '@aws-sdk/client-s3';
import { SigndropError } from '../../common/result';
import { toAppError } from '../errors/to-app-error';
import { cleanEtag } from '../transfer/etag';
import type { StoredPart } from '../transfer/transfer-signer';
import type { ResolvedProfile, Signer } from './signer';

/** ListParts pages hold at most 1,000 parts (S3 limit). */
const LIST_PARTS_PAGE = 1000;

/** An SDK failure as a SigndropError, worded with what the profile says about where it went. */
function failed(e: unknown, { profile }: ResolvedProfile, action: string): SigndropError {
  return new SigndropError(
    toAppError(e, { endpoint: profile.endpoint, region: profile.region, bucket: profile.bucket, accessKeyId: profile.accessKeyId, action }),
  );
}

/** Whether the store says the multipart upload no longer exists (aborted, or expired by a lifecycle rule). */
const isNoSuchUpload = (e: unknown): boolean => (e as { name?: string } | undefined)?.name === 'NoSuchUpload';

/** Starts a multipart upload of `key`, stored under `contentType` when given; returns its upload id. */
export async function createMultipartUpload(signer: Signer, profileId: string, key: string, contentType?: string): Promise<string> {
  const resolved = await signer.resolve(profileId);
  const { client, profile } = resolved;
  const create = new CreateMultipartUploadCommand({ Bucket: profile.bucket, Key: key, ...(contentType ? { ContentType: contentType } : {}) });
  const out = await client.send(create).catch((e: unknown) => {
    throw failed(e, resolved, 's3:PutObject');
  });
  if (!out.UploadId) throw SigndropError.of('upload-failed', 'The store started a multipart upload but gave no upload id.', true);
  return out.UploadId;
}

/** Finishes a multipart upload from its parts; returns the ETag, empty when the store gives none. */
export async function completeMultipartUpload(
  signer: Signer,
  profileId: string,
  key: string,
  uploadId: string,
  parts: readonly { partNumber: number; etag: string }[],
): Promise<string> {
  const resolved = await signer.resolve(profileId);
  const { client, profile } = resolved;
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
      throw failed(e, resolved, 's3:PutObject');
    });
  return cleanEtag(out.ETag);
}

/** Aborts a multipart upload, so its parts stop costing storage; one already gone is fine. */
export async function abortMultipartUpload(signer: Signer, profileId: string, key: string, uploadId: string): Promise<void> {
  const resolved = await signer.resolve(profileId);
  const { client, profile } = resolved;
  await client.send(new AbortMultipartUploadCommand({ Bucket: profile.bucket, Key: key, UploadId: uploadId })).catch((e: unknown) => {
    // Already gone is what we wanted.
    if (isNoSuchUpload(e)) return;
    throw failed(e, resolved, 's3:AbortMultipartUpload');
  });
}

/** All stored parts (paged), or undefined when the upload is gone. */
export async function listParts(signer: Signer, profileId: string, key: string, uploadId: string): Promise<StoredPart[] | undefined> {
  const resolved = await signer.resolve(profileId);
  const { client, profile } = resolved;
  const parts: StoredPart[] = [];
  let marker: string | undefined;
  for (;;) {
    let page;
    try {
      page = await client.send(
        new ListPartsCommand({
          Bucket: profile.bucket,
          Key: key,
          UploadId: uploadId,
          MaxParts: LIST_PARTS_PAGE,
          ...(marker ? { PartNumberMarker: marker } : {}),
        }),
      );
    } catch (e) {
      if (isNoSuchUpload(e)) return undefined;
      throw failed(e, resolved, 's3:ListMultipartUploadParts');
    }
    for (const p of page.Parts ?? ([] as Part[])) {
      parts.push({ partNumber: p.PartNumber ?? 0, etag: cleanEtag(p.ETag), size: p.Size ?? 0 });
    }
    if (!page.IsTruncated || !page.NextPartNumberMarker) return parts;
    marker = page.NextPartNumberMarker;
  }
}

/** The stored object's ETag and size: how a multipart upload's ETag is read when Complete gives none. */
export async function headObject(signer: Signer, profileId: string, key: string): Promise<{ etag: string; size: number }> {
  const resolved = await signer.resolve(profileId);
  const { client, profile } = resolved;
  const out = await client.send(new HeadObjectCommand({ Bucket: profile.bucket, Key: key })).catch((e: unknown) => {
    throw failed(e, resolved, 's3:GetObject');
  });
  return { etag: cleanEtag(out.ETag), size: out.ContentLength ?? 0 };
}
