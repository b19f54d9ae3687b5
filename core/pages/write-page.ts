import { S3ResponseError } from '../errors/s3-response-error';
import type { PresignedRequest, Signer } from '../signing/signer';

export const PAGE_CONTENT_TYPE = 'text/html; charset=utf-8';
/** The PUT of a page is one small request made right away: a few minutes is ample. */
const PAGE_PUT_EXPIRY_S = 300;

export interface PageToWrite {
  readonly profileId: string;
  readonly key: string;
  readonly html: string;
  /** What a reader who saves the page gets. */
  readonly fileName: string;
  /** Epoch ms the page's link must not outlive: the earliest of the links or policies it embeds. */
  readonly until: number;
  readonly now?: () => Date;
}

/**
 * Writes one of Signdrop's pages into the bucket as text/html and returns a presigned link to it
 * that ends before `until`. The link is signed `inline`, unlike other HTML, because the page is our
 * own, under a strict CSP.
 */
export async function writePage(signer: Signer, page: PageToWrite): Promise<PresignedRequest> {
  const { profileId, key } = page;
  const put = await signer.presignPut(profileId, key, { expiresInSeconds: PAGE_PUT_EXPIRY_S, contentType: PAGE_CONTENT_TYPE });
  const res = await fetch(put.url, { method: 'PUT', body: page.html, headers: { 'content-type': PAGE_CONTENT_TYPE } });
  if (!res.ok) throw S3ResponseError.fromBody(res.status, await res.text(), 's3:PutObject', put.url);
  // Counted after the upload (it took time) and one second short: the signer's own clock may have
  // moved on, and the page's link must never outlive what it embeds.
  const signingAt = page.now?.() ?? new Date();
  const seconds = Math.max(1, Math.floor((page.until - signingAt.getTime()) / 1000) - 1);
  return signer.presignGet(profileId, key, { expiresInSeconds: seconds, downloadName: page.fileName, disposition: 'inline' });
}
