import { formatBytes } from '../../common/format-bytes';
import { toAppError } from '../../core/errors/to-app-error';
import { cleanupExpired } from '../../core/links/cleanup';
import { LinkHistory } from '../../core/links/link-history';
import type { Values } from '../args';
import { dataDir, resolveTarget } from '../context';
import { EXIT_FAILED, EXIT_OK, UsageError, type Io } from '../io';
import { reportFailure } from '../output';
import { deleteAndMark } from './delete';

/**
 * `signdrop cleanup --expired [--dry-run]`: deletes the objects in the profile's bucket whose every
 * link in the history has expired (core/links/cleanup.ts), and marks them deleted. Prints each
 * key, then a summary (count and bytes) on stderr; --json prints one object per key and a last
 * {"count","bytes","dryRun"}.
 */
export async function cleanupCommand(values: Values, operands: string[], io: Io): Promise<number> {
  if (values['expired'] !== true || operands.length > 0) throw new UsageError('Say what to clean up: signdrop cleanup --expired [--dry-run].');
  const json = values['json'] === true;
  const dryRun = values['dry-run'] === true;
  const { core, profile } = await resolveTarget(values, io);
  const history = new LinkHistory(await dataDir(io));
  const links = await history.list();
  const result = await cleanupExpired(
    {
      list: async () => links,
      removeMany: async (objects) => {
        const target = { profileId: profile.id, bucket: profile.bucket };
        const { failed } = await deleteAndMark(
          core.signer,
          history,
          links,
          target,
          objects.map((o) => o.key),
        );
        return failed.map((f) => ({ bucket: profile.bucket, ...f }));
      },
    },
    { dryRun, bucket: profile.bucket },
  );
  await history.flush();
  for (const key of result.keys)
    io.out(json ? JSON.stringify({ key, bucket: profile.bucket, deleted: !dryRun }) : `${dryRun ? 'would delete' : 'deleted'}\t${key}`);
  for (const f of result.failed) reportFailure(io, json, { key: f.key }, toAppError(new Error(f.message)));
  if (json) io.out(JSON.stringify({ count: result.count, bytes: result.bytes, dryRun }));
  else
    io.err(
      `signdrop: ${dryRun ? 'would delete' : 'deleted'} ${result.count} ${result.count === 1 ? 'object' : 'objects'} (${formatBytes(result.bytes)}) whose links all expired, in bucket "${profile.bucket}".`,
    );
  return result.failed.length > 0 ? EXIT_FAILED : EXIT_OK;
}
