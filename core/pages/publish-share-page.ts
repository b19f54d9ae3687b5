import { randomUUID } from 'node:crypto';
import type { LinkRecord } from '../../common/links';
import { SigndropError } from '../../common/result';
import type { SharePage } from '../../common/share-page';
import { S3ResponseError } from '../errors/s3-response-error';
import type { Signer } from '../signing/signer';
import { contentTypeFor } from '../uploads/content-type';
import { PAGE_FILE_NAME, sharePageKey } from './page-key';
import { renderSharePage } from './share-page';

/** A file already uploaded and linked, as the page lists it: the page embeds its own presigned link. */
export type ShareSource = Pick<LinkRecord, 'profileId' | 'bucket' | 'key' | 'name' | 'size' | 'url' | 'expiresAt'>;

export type { SharePage };

export interface PublishOptions {
  readonly now?: () => Date;
  readonly uuid?: () => string;
}

const PAGE_CONTENT_TYPE = 'text/html; charset=utf-8';
/** The PUT of the page is one small request made right away: a few minutes is ample. */
const PAGE_PUT_EXPIRY_S = 300;

function checkSources(sources: readonly ShareSource[], now: Date): { profileId: string; expiresAt: number } {
  const first = sources[0];
  if (!first) throw SigndropError.of('invalid-input', 'Choose at least one uploaded file to share as one link.');
  if (sources.some((s) => s.profileId !== first.profileId || s.bucket !== first.bucket)) {
    throw SigndropError.of('invalid-input', 'A share page lists files of one bucket: choose files uploaded with the same profile.');
  }
  const expiresAt = Math.min(...sources.map((s) => Date.parse(s.expiresAt)));
  if (!(expiresAt > now.getTime() + 2000)) {
    throw SigndropError.of('invalid-input', 'A link of these files has expired: make new links for them first, then share the page.');
  }
  return { profileId: first.profileId, expiresAt };
}

/**
 * Writes a batch's share page into the bucket, next to the files (text/html, see page-key.ts), and
 * returns one presigned link to it. The page embeds each file's own link, so its link lives as long
 * as the earliest of them and no longer: past that the page would list dead links. It is signed
 * `inline`, unlike other HTML, because it is our own page under a strict CSP.
 */
export async function publishSharePage(signer: Signer, sources: readonly ShareSource[], options: PublishOptions = {}): Promise<SharePage> {
  const now = options.now?.() ?? new Date();
  const { profileId, expiresAt } = checkSources(sources, now);
  const html = renderSharePage({
    files: sources.map((s) => ({ name: s.name, size: s.size, contentType: contentTypeFor(s.name), url: s.url })),
    expiresAt: new Date(expiresAt).toISOString(),
  });
  const key = sharePageKey(
    sources.map((s) => s.key),
    (options.uuid ?? randomUUID)(),
  );
  const put = await signer.presignPut(profileId, key, { expiresInSeconds: PAGE_PUT_EXPIRY_S, contentType: PAGE_CONTENT_TYPE });
  const res = await fetch(put.url, { method: 'PUT', body: html, headers: { 'content-type': PAGE_CONTENT_TYPE } });
  if (!res.ok) throw S3ResponseError.fromBody(res.status, await res.text(), 's3:PutObject', put.url);
  // Counted again after the upload (it took time) and one second short: the signer's own clock
  // may have moved on, and the page's link must never outlive the links it lists.
  const signingAt = options.now?.() ?? new Date();
  const seconds = Math.floor((expiresAt - signingAt.getTime()) / 1000) - 1;
  const link = await signer.presignGet(profileId, key, { expiresInSeconds: seconds, downloadName: PAGE_FILE_NAME, disposition: 'inline' });
  return { url: link.url, key, expiresAt: link.expiresAt, files: sources.length };
}
