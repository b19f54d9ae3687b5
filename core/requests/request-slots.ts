import type { UploadMode } from '../../common/requests';
import type { RequestSlot } from '../pages/request-page';
import type { Signer } from '../signing/signer';
import { filesPrefix } from './request-prefix';

/**
 * What the page's script sends with each file: any type, and the name twice, percent-encoded: as
 * metadata, which every store keeps from a form (radosgw ignores a form's Content-Disposition), and
 * as an RFC 5987 Content-Disposition, which makes a plain link download under that name where kept.
 */
export const OPEN_FIELDS: Readonly<Record<string, string>> = {
  'Content-Type': '',
  'Content-Disposition': "attachment; filename*=UTF-8''",
  'x-amz-meta-filename': '',
};

export interface SignedSlots {
  readonly slots: RequestSlot[];
  /** When the slots stop working: the page's link is made to end with them. */
  readonly expiresAt: string;
  readonly warning: string | undefined;
}

/**
 * One slot per key: a POST policy that takes exactly that key, a size from 0 to `maxSize` and the
 * fields the page sends (`post`), or a presigned PUT URL (`put`, where only the page checks size).
 */
export async function signSlots(
  signer: Signer,
  request: { readonly profileId: string; readonly prefix: string; readonly mode: UploadMode; readonly maxSize: number },
  keys: readonly string[],
  expiresInSeconds: number,
): Promise<SignedSlots> {
  const { profileId, prefix, mode, maxSize } = request;
  const slots: RequestSlot[] = [];
  let expiresAt = new Date(Date.now() + expiresInSeconds * 1000).toISOString();
  let warning: string | undefined;
  for (const key of keys) {
    if (mode === 'post') {
      const post = await signer.presignPost(profileId, {
        expiresInSeconds,
        keyPrefix: filesPrefix(prefix),
        exactKey: key,
        maxBytes: maxSize,
        openFields: OPEN_FIELDS,
      });
      slots.push({ key, url: post.url, fields: Object.entries(post.fields) });
      ({ expiresAt, warning } = post);
    } else {
      const put = await signer.presignPut(profileId, key, { expiresInSeconds });
      slots.push({ key, url: put.url });
      ({ expiresAt } = put);
      warning = put.warning;
    }
  }
  return { slots, expiresAt, warning };
}
