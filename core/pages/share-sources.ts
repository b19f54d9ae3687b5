import type { LinkRecord } from '../../common/links';
import { SigndropError } from '../../common/result';
import type { UploadItem } from '../../common/uploads';
import type { ShareSource } from './publish-share-page';

/** What a share page is asked for: finished uploads in the queue, links in the history, or both. */
export interface ShareRequest {
  readonly uploadIds?: readonly string[];
  readonly linkIds?: readonly string[];
}

export interface ShareLookup {
  readonly uploads: { get(id: string): UploadItem | undefined };
  readonly links: { list(): Promise<LinkRecord[]> };
}

const fromItem = (item: UploadItem): ShareSource | undefined =>
  item.state === 'completed' && item.link
    ? { profileId: item.profileId, bucket: item.bucket, key: item.key, name: item.name, size: item.size, url: item.link.url, expiresAt: item.link.expiresAt }
    : undefined;

const fromRecord = (link: LinkRecord): ShareSource => ({
  profileId: link.profileId,
  bucket: link.bucket,
  key: link.key,
  name: link.name,
  size: link.size,
  url: link.url,
  expiresAt: link.expiresAt,
});

/**
 * The files a share page lists, in the order asked: each upload's link once it finished, each
 * history link as it stands. An id that is unknown, unfinished or deleted is an error that says
 * which, rather than a page that silently lists fewer files.
 */
export async function shareSources(lookup: ShareLookup, request: ShareRequest): Promise<ShareSource[]> {
  const sources: ShareSource[] = [];
  for (const id of request.uploadIds ?? []) {
    const item = lookup.uploads.get(id);
    const source = item && fromItem(item);
    if (!source)
      throw SigndropError.of(
        'not-found',
        item ? `${item.name} has not finished uploading yet; share the page once it has.` : 'That upload is no longer in the list.',
      );
    sources.push(source);
  }
  if (request.linkIds?.length) {
    const byId = new Map((await lookup.links.list()).map((l) => [l.id, l]));
    for (const id of request.linkIds) {
      const link = byId.get(id);
      if (!link) throw SigndropError.of('not-found', 'That link is no longer in the history.');
      if (link.deletedAt) throw SigndropError.of('not-found', `${link.name} was deleted; upload it again to share it.`);
      sources.push(fromRecord(link));
    }
  }
  return sources;
}
