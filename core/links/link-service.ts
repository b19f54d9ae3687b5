import { chooseDisposition, type Disposition } from '../../common/disposition';
import type { BulkOutcome, LinkPage, LinkRecord } from '../../common/links';
import { SigndropError } from '../../common/result';
import type { UploadItem } from '../../common/uploads';
import { toAppError } from '../errors/to-app-error';
import { deleteObject } from '../signing/delete-object';
import { deleteObjects } from '../signing/delete-objects';
import type { Signer } from '../signing/signer';
import { contentTypeFor } from '../uploads/content-type';
import { bulkFailure, deleteLinks, renewLinks, type LinkActions } from './bulk-links';
import type { HistoryObject, ObjectFailure } from './cleanup';
import type { LinkHistory } from './link-history';
import { indexLinks, matchLinks, queryLinks, type LinkQuery } from './link-query';

/** The link history as the app uses it: record, re-sign with a new expiry, end access. */
export class LinkService {
  constructor(
    private readonly history: LinkHistory,
    private readonly signer: Signer,
  ) {}

  list(): Promise<LinkRecord[]> {
    return this.history.list();
  }

  /** Told when the history changed on disk, by this process or another; returns the unsubscribe. */
  onChanged(listener: () => void): () => void {
    return this.history.onChanged(listener);
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
   * A new link to the same object with a new expiry, in place of the entry's link: the entry keeps
   * the old expiry as `replacedExpiresAt` (the old URL works until then). It opens in the browser or
   * downloads as `disposition` says, else as the file's content type calls for.
   */
  async renew(id: string, expiresInSeconds: number, disposition?: Disposition): Promise<LinkRecord> {
    const link = await this.existing(id);
    if (link.deletedAt) throw SigndropError.of('not-found', `${link.name} was deleted; upload it again to share it.`);
    const chosen = chooseDisposition(contentTypeFor(link.name), disposition);
    const signed = await this.signer.presignGet(link.profileId, link.key, { expiresInSeconds, downloadName: link.name, disposition: chosen });
    const renewed = await this.history.relink(id, signed.url, signed.expiresAt);
    if (!renewed) throw SigndropError.of('not-found', 'That link is no longer in the history.');
    return renewed;
  }

  /** New links for many entries at once, each in place (see renew); what could not be renewed is listed, not thrown. */
  renewMany(ids: readonly string[], expiresInSeconds: number, disposition?: Disposition): Promise<BulkOutcome> {
    return renewLinks(this.bulk, ids, expiresInSeconds, disposition);
  }

  /** Deletes the objects behind many links (each once, in DeleteObjects batches); what could not be deleted is listed, not thrown. */
  deleteMany(ids: readonly string[]): Promise<BulkOutcome> {
    return deleteLinks(this.bulk, ids);
  }

  /**
   * Reads the history and builds its search index ahead of the first History open: for 100,000
   * links that is mostly JSON.parse of tens of megabytes, seconds on a slow machine.
   */
  async warm(): Promise<void> {
    indexLinks(await this.history.snapshot());
  }

  /** One page of the history under a search and filter: History never holds all 100,000 links at once. */
  async query(query: LinkQuery): Promise<LinkPage> {
    return queryLinks(await this.history.snapshot(), query);
  }

  /** The ids of every link matching a search and filter: "select all" in History. */
  async matchingIds(query: Omit<LinkQuery, 'offset' | 'limit'>): Promise<string[]> {
    const links = await this.history.snapshot();
    return Array.from(matchLinks(links, query).matches, (i) => links[i]!.id);
  }

  /** The links behind these ids, in the history's order (newest first): what "Copy" of a selection copies. */
  async getMany(ids: readonly string[]): Promise<LinkRecord[]> {
    const wanted = new Set(ids);
    return (await this.history.snapshot()).filter((l) => wanted.has(l.id));
  }

  /** Deletes the object, so every link to it stops working. */
  async deleteObject(id: string): Promise<null> {
    await this.deleteObjectOf(await this.existing(id));
    return null;
  }

  /**
   * Deletes many objects, those of one profile and bucket in DeleteObjects batches of 1,000 keys,
   * and marks each deleted object's links deleted; answers the objects that stay, each with why.
   */
  async deleteObjects(objects: readonly Pick<HistoryObject, 'profileId' | 'bucket' | 'key'>[]): Promise<ObjectFailure[]> {
    const groups = new Map<string, { profileId: string; bucket: string; keys: string[] }>();
    for (const o of objects) {
      const id = `${o.profileId}\n${o.bucket}`;
      const group = groups.get(id) ?? { profileId: o.profileId, bucket: o.bucket, keys: [] };
      group.keys.push(o.key);
      groups.set(id, group);
    }
    const failed: ObjectFailure[] = [];
    for (const { profileId, bucket, keys } of groups.values()) {
      const outcome = await deleteObjects(this.signer, profileId, bucket, keys).catch((e: unknown) => {
        // No such profile any more, or no keys for it: none of its objects can be deleted.
        const { message } = toAppError(e, { bucket });
        return { deleted: [], failed: keys.map((key) => ({ key, message })) };
      });
      await Promise.all(outcome.deleted.map((key) => this.history.markDeleted(profileId, bucket, key)));
      failed.push(...outcome.failed.map((f) => ({ bucket, ...f })));
    }
    return failed;
  }

  private readonly bulk: LinkActions = {
    get: (id) => this.history.get(id),
    renewMany: (links, expiresInSeconds, disposition) => this.signMany(links, expiresInSeconds, disposition),
    deleteObjects: (objects) => this.deleteObjects(objects),
  };

  private async deleteObjectOf(link: LinkRecord): Promise<void> {
    await deleteObject(this.signer, link.profileId, link.key);
    await this.history.markDeleted(link.profileId, link.bucket, link.key);
  }

  /** Signs in batches, one per profile and disposition (thousands of links in well under a second), then relinks each entry. */
  private async signMany(links: readonly LinkRecord[], expiresInSeconds: number, disposition?: Disposition): Promise<BulkOutcome['failed'][number][]> {
    const groups = new Map<string, { profileId: string; disposition: Disposition; links: LinkRecord[] }>();
    for (const link of links) {
      const chosen = chooseDisposition(contentTypeFor(link.name), disposition);
      const group = groups.get(`${link.profileId}\n${chosen}`) ?? { profileId: link.profileId, disposition: chosen, links: [] };
      group.links.push(link);
      groups.set(`${link.profileId}\n${chosen}`, group);
    }
    const failed: BulkOutcome['failed'][number][] = [];
    for (const group of groups.values()) {
      try {
        const keys = group.links.map((l) => ({ key: l.key, downloadName: l.name }));
        const signed = await this.signer.presignGetBatch(group.profileId, keys, { expiresInSeconds, disposition: group.disposition });
        await Promise.all(group.links.map((l, i) => this.history.relink(l.id, signed.links[i]!.url, signed.expiresAt)));
      } catch (e) {
        failed.push(...group.links.map((l) => bulkFailure(l, e)));
      }
    }
    return failed;
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
