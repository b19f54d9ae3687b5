import type { LinkRecord } from '../../common/links';
import { toAppError } from '../../core/errors/to-app-error';
import { LinkHistory } from '../../core/links/link-history';
import { deleteObjects, type DeleteOutcome } from '../../core/signing/delete-objects';
import type { Signer } from '../../core/signing/signer';
import type { Values } from '../args';
import { dataDir, resolveTarget } from '../context';
import { EXIT_FAILED, EXIT_OK, UsageError, type Io } from '../io';
import { reportFailure } from '../output';

/**
 * Deletes objects of the profile's bucket (DeleteObjects, 1,000 keys a request) and marks each
 * deleted object's links in the history deleted (under each profile that made one, so the app's
 * entries show it too); answers the keys the store refused, with why. A SigV4 link cannot be
 * revoked: deleting the object is how access ends before the link expires.
 */
export async function deleteAndMark(
  signer: Signer,
  history: LinkHistory,
  links: readonly LinkRecord[],
  target: { profileId: string; bucket: string },
  keys: readonly string[],
): Promise<DeleteOutcome> {
  const outcome = await deleteObjects(signer, target.profileId, target.bucket, keys);
  const deleted = new Set(outcome.deleted);
  const profiles = new Map<string, Set<string>>(outcome.deleted.map((key) => [key, new Set()]));
  for (const l of links) if (l.bucket === target.bucket && deleted.has(l.key)) profiles.get(l.key)!.add(l.profileId);
  for (const [key, made] of profiles) {
    if (made.size === 0) made.add(target.profileId);
    for (const profileId of made) await history.markDeleted(profileId, target.bucket, key);
  }
  return outcome;
}

/** `signdrop delete <key>...`: deletes the objects, so every link to them stops working. */
export async function deleteCommand(values: Values, operands: string[], io: Io): Promise<number> {
  if (operands.length === 0) throw new UsageError('Name at least one object key: signdrop delete <key>...');
  const json = values['json'] === true;
  const { core, profile } = await resolveTarget(values, io);
  const history = new LinkHistory(await dataDir(io));
  const links = await history.list();
  const outcome = await deleteAndMark(core.signer, history, links, { profileId: profile.id, bucket: profile.bucket }, operands);
  await history.flush();
  const why = new Map(outcome.failed.map((f) => [f.key, f.message]));
  for (const key of new Set(operands)) {
    const message = why.get(key);
    if (message === undefined) io.out(json ? JSON.stringify({ key, bucket: profile.bucket, deleted: true }) : `deleted\t${key}`);
    else reportFailure(io, json, { key }, toAppError(new Error(message)));
  }
  return outcome.failed.length > 0 ? EXIT_FAILED : EXIT_OK;
}
