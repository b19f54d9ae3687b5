import { createHash } from 'node:crypto';

/** A plain-MD5 ETag, or the multipart form (MD5 of the part MD5s, a dash, the part count). */
const MD5_ETAG = /^[0-9a-f]{32}(-\d+)?$/;

/** Strips the quotes S3 puts around ETags. */
export const cleanEtag = (etag: string | undefined): string => (etag ?? '').replace(/"/g, '').trim();

/**
 * Whether an ETag can be checked against MD5s. Stores that encrypt with KMS (SSE-KMS, SSE-C)
 * return opaque ETags: https://docs.aws.amazon.com/AmazonS3/latest/API/API_Object.html
 */
export const isMd5Etag = (etag: string): boolean => MD5_ETAG.test(etag);

/** The ETag S3 gives a multipart object: MD5 over the concatenated binary part MD5s, then "-N". */
export function multipartEtag(partMd5s: readonly string[]): string {
  const hash = createHash('md5');
  for (const md5 of partMd5s) hash.update(Buffer.from(md5, 'hex'));
  return `${hash.digest('hex')}-${partMd5s.length}`;
}
