import { S3ResponseError } from '../errors/s3-response-error';
import type { PresignedRequest, Signer } from '../signing/signer';

export const PAGE_CONTENT_TYPE = 'text/html; charset=utf-8';
/** The PUT of a page is one small request made right away: a few minutes is ample. */
const PAGE_PUT_EXPIRY_S = 300;

/**
 * Writes one of Signdrop's pages into the bucket as text/html and returns a presigned link to it,
 * living `seconds`. The link is signed `inline`, unlike other HTML, because the page is our own,
 * under a strict CSP; `fileName` is what a reader who saves it gets.
 */
export async function writePage(
  signer: Signer,
  page: { readonly profileId: string; readonly key: string; readonly html: string; readonly fileName: string; readonly seconds: number },
): Promise<PresignedRequest> {
  const { profileId, key } = page;
  const put = await signer.presignPut(profileId, key, { expiresInSeconds: PAGE_PUT_EXPIRY_S, contentType: PAGE_CONTENT_TYPE });
  const res = await fetch(put.url, { method: 'PUT', body: page.html, headers: { 'content-type': PAGE_CONTENT_TYPE } });
  if (!res.ok) throw S3ResponseError.fromBody(res.status, await res.text(), 's3:PutObject', put.url);
  return signer.presignGet(profileId, key, { expiresInSeconds: page.seconds, downloadName: page.fileName, disposition: 'inline' });
}
