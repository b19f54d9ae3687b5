import type { CleanupObjects, CleanupResult } from '../../common/lifecycle';
import { isExpired, type LinkRecord } from '../../common/links';

/** One stored object, as the history knows it. */
export interface HistoryObject {
  /** The profile that made one of its links: the object is deleted with that profile's keys. */
  readonly profileId: string;
  readonly bucket: string;
  readonly key: string;
  /** The file's name, as its links download it. */
  readonly name: string;
  readonly size: number;
}

/** An object that could not be deleted, with why in words; its links stay as they were. */
export type ObjectFailure = CleanupResult['failed'][number];

/**
 * The objects whose every link in the history has expired, and that were not deleted already.
 * An object with one live link is kept: someone may still be downloading it.
 */
export function expiredObjects(links: readonly LinkRecord[], now: Date, bucket?: string): HistoryObject[] {
  const byObject = new Map<string, { object: HistoryObject; live: boolean; deleted: boolean }>();
  for (const link of links) {
    if (bucket !== undefined && link.bucket !== bucket) continue;
    const id = `${link.bucket}\n${link.key}`;
    const seen = byObject.get(id) ?? {
      object: { profileId: link.profileId, bucket: link.bucket, key: link.key, name: link.name, size: link.size },
      live: false,
      deleted: false,
    };
    // A relinked entry's replaced URL keeps working until its own expiry: that counts as a live link too.
    const replacedLive = link.replacedExpiresAt !== undefined && !isExpired({ expiresAt: link.replacedExpiresAt }, now);
    seen.live ||= (!isExpired(link, now) || replacedLive) && !link.deletedAt;
    seen.deleted ||= link.deletedAt !== undefined;
    byObject.set(id, seen);
  }
  return [...byObject.values()].filter((o) => !o.live && !o.deleted).map((o) => o.object);
}

/** What cleanup needs: the history, and the deletion of many objects (which also marks their links deleted). */
export interface CleanupDeps {
  readonly list: () => Promise<LinkRecord[]>;
  /** Deletes the objects (in as few requests as the store allows) and marks their links deleted; answers those it could not delete. */
  readonly removeMany: (objects: readonly HistoryObject[]) => Promise<ObjectFailure[]>;
  readonly now?: () => Date;
}

/**
 * Deletes the objects whose every link expired (see expiredObjects); a dry run only lists them, for
 * the confirmation. Either way the result names each object (key, name, size) it covers. With
 * `only` (what a confirmation showed), no other object is deleted.
 */
export async function cleanupExpired(deps: CleanupDeps, options: { dryRun: boolean; bucket?: string; only?: CleanupObjects }): Promise<CleanupResult> {
  const expired = expiredObjects(await deps.list(), (deps.now ?? (() => new Date()))(), options.bucket);
  const confirmed = options.only && new Set(options.only.map((o) => `${o.bucket}\n${o.key}`));
  // An object the confirmation did not show is not deleted, even if its links expired since.
  const objects = confirmed ? expired.filter((o) => confirmed.has(`${o.bucket}\n${o.key}`)) : expired;
  const failed = options.dryRun || objects.length === 0 ? [] : await deps.removeMany(objects);
  const refused = new Set(failed.map((f) => `${f.bucket}\n${f.key}`));
  const done = objects.filter((o) => !refused.has(`${o.bucket}\n${o.key}`));
  return {
    dryRun: options.dryRun,
    count: done.length,
    bytes: done.reduce((sum, o) => sum + o.size, 0),
    keys: done.map((o) => o.key),
    objects: done.map(({ bucket, key, name, size }) => ({ bucket, key, name, size })),
    failed,
  };
}

/** Clean up expired over the app's link service: every profile's objects, deleted in batches per profile and bucket. */
export function cleanupLinks(
  links: { list(): Promise<LinkRecord[]>; deleteObjects(objects: readonly HistoryObject[]): Promise<ObjectFailure[]> },
  dryRun: boolean,
  only?: CleanupObjects,
): Promise<CleanupResult> {
  return cleanupExpired({ list: () => links.list(), removeMany: (objects) => links.deleteObjects(objects) }, { dryRun, ...(only ? { only } : {}) });
}
