import type { Disposition } from '../../common/disposition';
import type { BulkOutcome, LinkRecord } from '../../common/links';
import { toAppError } from '../errors/to-app-error';
import type { ObjectFailure } from './cleanup';

type Failure = BulkOutcome['failed'][number];

/** What the bulk actions need of the link service: links' renewal and objects' deletion, each answering what failed. */
export interface LinkActions {
  get(id: string): Promise<LinkRecord | undefined>;
  renewMany(links: readonly LinkRecord[], expiresInSeconds: number, disposition?: Disposition): Promise<Failure[]>;
  deleteObjects(objects: readonly Pick<LinkRecord, 'profileId' | 'bucket' | 'key'>[]): Promise<ObjectFailure[]>;
}

/** A link a bulk action could not handle, with the words of what went wrong. */
export const bulkFailure = (link: Pick<LinkRecord, 'id' | 'name'>, e: unknown): Failure => ({ id: link.id, name: link.name, message: toAppError(e).message });

/** The links behind these ids; an id no longer in the history is a failure, not an error for all. */
async function lookUp(actions: LinkActions, ids: readonly string[]): Promise<{ links: LinkRecord[]; failed: Failure[] }> {
  const links: LinkRecord[] = [];
  const failed: Failure[] = [];
  for (const id of new Set(ids)) {
    const link = await actions.get(id);
    if (link) links.push(link);
    else failed.push({ id, name: id, message: 'That link is no longer in the history.' });
  }
  return { links, failed };
}

/** New links for many entries, each updated in place; deleted objects are skipped and said so. */
export async function renewLinks(actions: LinkActions, ids: readonly string[], expiresInSeconds: number, disposition?: Disposition): Promise<BulkOutcome> {
  const { links, failed } = await lookUp(actions, ids);
  const live = links.filter((l) => !l.deletedAt);
  for (const l of links) if (l.deletedAt) failed.push({ id: l.id, name: l.name, message: `${l.name} was deleted; upload it again to share it.` });
  const renewFailed = await actions.renewMany(live, expiresInSeconds, disposition);
  failed.push(...renewFailed);
  return { done: live.length - renewFailed.length, failed };
}

/**
 * Deletes the objects behind many links, each object once however many links point to it, in as
 * few requests as the store allows. Every link to a deleted object stops working, not only the
 * chosen ones; the links of an object the store refused are each listed with why.
 */
export async function deleteLinks(actions: LinkActions, ids: readonly string[]): Promise<BulkOutcome> {
  const { links, failed } = await lookUp(actions, ids);
  const objects = new Map<string, LinkRecord[]>();
  for (const l of links) {
    if (l.deletedAt) continue;
    const key = `${l.profileId}\n${l.bucket}\n${l.key}`;
    objects.set(key, [...(objects.get(key) ?? []), l]);
  }
  const groups = [...objects.values()];
  const refused = await actions.deleteObjects(groups.map((g) => g[0]!));
  const why = new Map(refused.map((f) => [`${f.bucket}\n${f.key}`, f.message]));
  let done = links.filter((l) => l.deletedAt).length;
  for (const group of groups) {
    const message = why.get(`${group[0]!.bucket}\n${group[0]!.key}`);
    if (message === undefined) done += group.length;
    else failed.push(...group.map((l) => ({ id: l.id, name: l.name, message })));
  }
  return { done, failed };
}
