import type { CleanupResult } from '../../common/lifecycle';
import { isExpired, type LinkRecord } from '../../common/links';
import { toAppError } from '../errors/to-app-error';

/** One stored object, as the history knows it. */
export interface HistoryObject {
  /** One of its links: LinkService.deleteObject takes it, and marks every link to the object deleted. */
  readonly linkId: string;
  readonly profileId: string;
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
}

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
      object: { linkId: link.id, profileId: link.profileId, bucket: link.bucket, key: link.key, size: link.size },
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

/** What cleanup needs: the history, and the deletion of one object (which also marks its links deleted). */
export interface CleanupDeps {
  readonly list: () => Promise<LinkRecord[]>;
  readonly remove: (object: HistoryObject) => Promise<void>;
  readonly now?: () => Date;
}

/** Deletes the objects whose every link expired (see expiredObjects); a dry run only counts them. */
export async function cleanupExpired(deps: CleanupDeps, options: { dryRun: boolean; bucket?: string }): Promise<CleanupResult> {
  const objects = expiredObjects(await deps.list(), (deps.now ?? (() => new Date()))(), options.bucket);
  const done: HistoryObject[] = [];
  const failed: { key: string; message: string }[] = [];
  for (const object of objects) {
    if (options.dryRun) {
      done.push(object);
      continue;
    }
    await deps.remove(object).then(
      () => done.push(object),
      (e: unknown) => failed.push({ key: object.key, message: toAppError(e).message }),
    );
  }
  return { count: done.length, bytes: done.reduce((sum, o) => sum + o.size, 0), keys: done.map((o) => o.key), failed };
}

/** Clean up expired over the app's link service: every profile's objects, each deleted through one of its links. */
export function cleanupLinks(links: { list(): Promise<LinkRecord[]>; deleteObject(id: string): Promise<unknown> }, dryRun: boolean): Promise<CleanupResult> {
  return cleanupExpired({ list: () => links.list(), remove: async (o) => void (await links.deleteObject(o.linkId)) }, { dryRun });
}
