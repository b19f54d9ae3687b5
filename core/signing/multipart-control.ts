import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  type Part,
} from '@aws-sdk/client-s3';
import { SigndropError } from '../../common/result';
import { toAppError } from '../errors/to-app-error';
import { cleanEtag } from '../transfer/etag';
import type { OpenUpload, StoredPart } from '../transfer/transfer-signer';
import type { ResolvedProfile, Signer } from './signer';

/** ListParts pages hold at most 1,000 parts (S3 limit). */
const LIST_PARTS_PAGE = 1000;

/**
 * An SDK failure as a SigndropError, worded with what the profile says about where it went. The SDK's
 * error stays its cause: the engine's retries read the socket error under it (refused, unresolvable).
 */
function failed(e: unknown, { profile }: ResolvedProfile, action: string): SigndropError {
  const error = new SigndropError(
    toAppError(e, { endpoint: profile.endpoint, region: profile.region, bucket: profile.bucket, accessKeyId: profile.accessKeyId, action }),
  );
  return Object.assign(error, { cause: e });
}

/** Whether the store says the multipart upload no longer exists (aborted, or expired by a lifecycle rule). */
const isNoSuchUpload = (e: unknown): boolean => (e as { name?: string } | undefined)?.name === 'NoSuchUpload';

/** Starts a multipart upload of `key`, stored under `contentType` when given; returns its upload id. */
export async function createMultipartUpload(signer: Signer, profileId: string, key: string, contentType?: string): Promise<string> {
  const resolved = await signer.resolve(profileId);
  const { client, profile } = resolved;
  const create = new CreateMultipartUploadCommand({ Bucket: profile.bucket, Key: key, ...(contentType ? { ContentType: contentType } : {}) });
  const since = new Date();
  const out = await client.send(create).catch((e: unknown) => {
    throw failed(e, resolved, 's3:PutObject');
  });
  if (!out.UploadId) throw SigndropError.of('upload-failed', 'The store started a multipart upload but gave no upload id.', true);
  // The SDK retried: an earlier attempt whose answer was lost may have started an upload of its own.
  if ((out.$metadata.attempts ?? 1) > 1) {
    const others = (await listMultipartUploads(signer, profileId, key, since).catch(() => [])).filter((u) => u.uploadId !== out.UploadId);
    await Promise.all(others.map((u) => abortMultipartUpload(signer, profileId, key, u.uploadId).catch(() => undefined)));
  }
  return out.UploadId;
}

/** Server clocks differ from ours: an upload initiated up to this long before `since` still counts as just started. */
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * The multipart uploads in progress for exactly `key`, initiated at `since` or later (give or take
 * clock slack), newest first. With keys that hold a fresh random part, these are ours.
 */
export async function listMultipartUploads(signer: Signer, profileId: string, key: string, since: Date): Promise<OpenUpload[]> {
  const all = await listUploadsUnder(signer, profileId, key);
  return all
    .filter((u) => u.key === key && u.initiated.getTime() >= since.getTime() - CLOCK_SLACK_MS)
    .sort((a, b) => b.initiated.getTime() - a.initiated.getTime());
}

/** Every multipart upload in progress under `prefix` (paged). */
export async function listUploadsUnder(signer: Signer, profileId: string, prefix: string): Promise<OpenUpload[]> {
  const resolved = await signer.resolve(profileId);
  const { client, profile } = resolved;
  const found: OpenUpload[] = [];
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  for (;;) {
    const page = await client
      .send(
        new ListMultipartUploadsCommand({
          Bucket: profile.bucket,
          Prefix: prefix,
          ...(keyMarker ? { KeyMarker: keyMarker } : {}),
          ...(uploadIdMarker ? { UploadIdMarker: uploadIdMarker } : {}),
        }),
      )
      .catch((e: unknown) => {
        throw failed(e, resolved, 's3:ListBucketMultipartUploads');
      });
    for (const u of page.Uploads ?? []) {
      if (u.Key && u.UploadId) found.push({ key: u.Key, uploadId: u.UploadId, initiated: u.Initiated ?? new Date(0) });
    }
    if (!page.IsTruncated || (!page.NextKeyMarker && !page.NextUploadIdMarker)) return found;
    keyMarker = page.NextKeyMarker;
    uploadIdMarker = page.NextUploadIdMarker;
  }
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
