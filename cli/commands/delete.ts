import type { LinkRecord } from '../../common/links';
import { toAppError } from '../../core/errors/to-app-error';
import { LinkHistory } from '../../core/links/link-history';
import { deleteObject } from '../../core/signing/delete-object';
import type { Values } from '../args';
import { dataDir, resolveTarget } from '../context';
import { EXIT_FAILED, EXIT_OK, UsageError, type Io } from '../io';
import { reportFailure } from '../output';

/**
 * Deletes one object and marks its links in the history deleted (under each profile that made
 * one, so the app's entries show it too). A SigV4 link cannot be revoked: deleting the object is
 * how access ends before the link expires.
 */
export async function deleteAndMark(
  remove: (key: string) => Promise<void>,
  history: LinkHistory,
  links: readonly LinkRecord[],
  target: { profileId: string; bucket: string; key: string },
): Promise<void> {
  await remove(target.key);
  const profiles = new Set(links.filter((l) => l.bucket === target.bucket && l.key === target.key).map((l) => l.profileId));
  if (profiles.size === 0) profiles.add(target.profileId);
  for (const profileId of profiles) await history.markDeleted(profileId, target.bucket, target.key);
}

/** `signdrop delete <key>...`: deletes the objects, so every link to them stops working. */
export async function deleteCommand(values: Values, operands: string[], io: Io): Promise<number> {
  if (operands.length === 0) throw new UsageError('Name at least one object key: signdrop delete <key>...');
  const json = values['json'] === true;
  const { core, profile } = await resolveTarget(values, io);
  const history = new LinkHistory(await dataDir(io));
  const links = await history.list();
  let failed = 0;
  for (const key of operands) {
    try {
      await deleteAndMark((k) => deleteObject(core.signer, profile.id, k), history, links, { profileId: profile.id, bucket: profile.bucket, key });
      io.out(json ? JSON.stringify({ key, bucket: profile.bucket, deleted: true }) : `deleted\t${key}`);
    } catch (e) {
      failed++;
      reportFailure(io, json, { key }, toAppError(e, { bucket: profile.bucket, action: 's3:DeleteObject' }));
    }
  }
  await history.flush();
  return failed > 0 ? EXIT_FAILED : EXIT_OK;
}
