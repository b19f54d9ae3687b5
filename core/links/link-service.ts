import { chooseDisposition, type Disposition } from '../../common/disposition';
import type { LinkRecord } from '../../common/links';
import { SigndropError } from '../../common/result';
import type { UploadItem } from '../../common/uploads';
import { deleteObject } from '../signing/delete-object';
import type { Signer } from '../signing/signer';
import { contentTypeFor } from '../uploads/content-type';
import type { LinkHistory } from './link-history';

/** The link history as the app uses it: record, re-sign with a new expiry, end access. */
export class LinkService {
  constructor(
    private readonly history: LinkHistory,
    private readonly signer: Signer,
  ) {}

  list(): Promise<LinkRecord[]> {
    return this.history.list();
  }

  /** Set once the history is loaded when part of it could not be read; the app and the CLI show it once. */
  get loadProblem(): string | undefined {
    return this.history.loadProblem;
  }

  /** Resolves when every link recorded so far is on disk: wait for it before showing or copying a link, and before quitting. */
  flush(): Promise<void> {
    return this.history.flush();
  }

  /** Records the link of a finished upload. */
  recordUpload(item: UploadItem): Promise<LinkRecord> | undefined {
    const record = uploadRecord(item);
    return record ? this.history.add(record) : undefined;
  }

  /**
   * Records the links of finished uploads the history lacks: uploads a crash stopped between
   * the store's answer and the link's line on disk, found in the saved queue at the next start.
   */
  recordMissing(items: readonly UploadItem[]): Promise<LinkRecord[]> {
    return this.history.addMissing(items.flatMap((item) => uploadRecord(item) ?? []));
  }

  /**
   * A new link to the same object with a new expiry; the old one keeps its own. It opens in the
   * browser or downloads as `disposition` says, else as the file's content type calls for.
   */
  async renew(id: string, expiresInSeconds: number, disposition?: Disposition): Promise<LinkRecord> {
    const link = await this.existing(id);
    if (link.deletedAt) throw SigndropError.of('not-found', `${link.name} was deleted; upload it again to share it.`);
    const chosen = chooseDisposition(contentTypeFor(link.name), disposition);
    const signed = await this.signer.presignGet(link.profileId, link.key, { expiresInSeconds, downloadName: link.name, disposition: chosen });
    return this.history.add({ ...link, url: signed.url, expiresAt: signed.expiresAt });
  }

  /** Deletes the object, so every link to it stops working. */
  async deleteObject(id: string): Promise<null> {
    const link = await this.existing(id);
    await deleteObject(this.signer, link.profileId, link.key);
    await this.history.markDeleted(link.profileId, link.bucket, link.key);
    return null;
  }

  private async existing(id: string): Promise<LinkRecord> {
    const link = await this.history.get(id);
    if (!link) throw SigndropError.of('not-found', 'That link is no longer in the history.');
    return link;
  }
}

/** The history's record of a finished upload's link; undefined for an item without one. */
function uploadRecord(item: UploadItem): Omit<LinkRecord, 'id' | 'createdAt'> | undefined {
  if (item.state !== 'completed' || !item.link) return undefined;
  return {
    profileId: item.profileId,
    bucket: item.bucket,
    key: item.key,
    name: item.name.slice(item.name.lastIndexOf('/') + 1),
    size: item.size,
    url: item.link.url,
    expiresAt: item.link.expiresAt,
  };
}
