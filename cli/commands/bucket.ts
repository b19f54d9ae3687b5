import { MAX_EXPIRE_AFTER_DAYS } from '../../common/lifecycle';
import { toAppError } from '../../core/errors/to-app-error';
import { setExpireAfter } from '../../core/s3/lifecycle';
import type { Values } from '../args';
import { resolveTarget } from '../context';
import { EXIT_FAILED, EXIT_OK, UsageError, type Io } from '../io';
import { reportFailure } from '../output';

const MAX_DAYS = MAX_EXPIRE_AFTER_DAYS;

/** "30d", "30" or "off": days after upload, or null to remove the rule. */
export function parseDays(text: string | undefined): number | null {
  if (text === 'off') return null;
  const match = /^(\d+)d?$/.exec(text ?? '');
  const days = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
    throw new UsageError(`Say after how many days uploads are deleted (1 to ${MAX_DAYS}, e.g. 30d), or off: signdrop bucket expire-after <days|off>.`);
  return days;
}

/**
 * `signdrop bucket expire-after <days|off>`: an S3 lifecycle rule that deletes the profile's
 * uploads that many days after upload (and abandoned multipart uploads after a day), keeping the
 * bucket's other rules (core/s3/lifecycle.ts).
 */
export async function expireAfterCommand(values: Values, operands: string[], io: Io): Promise<number> {
  if (operands.length !== 1) throw new UsageError('Name one duration: signdrop bucket expire-after <days|off> (e.g. 30d).');
  const days = parseDays(operands[0]);
  const json = values['json'] === true;
  const { core, profile } = await resolveTarget(values, io);
  try {
    const result = await setExpireAfter(core.signer, profile.id, days);
    const where = result.prefix ? `keys under "${result.prefix}"` : 'every object';
    if (json) io.out(JSON.stringify(result));
    else
      io.out(
        days === null
          ? `Removed the rule: uploads in bucket "${result.bucket}" stay until deleted. ${result.otherRules} other lifecycle ${result.otherRules === 1 ? 'rule' : 'rules'} kept.`
          : `Bucket "${result.bucket}": ${where} is deleted ${days} ${days === 1 ? 'day' : 'days'} after upload; unfinished multipart uploads after 1 day. ${result.otherRules} other lifecycle ${result.otherRules === 1 ? 'rule' : 'rules'} kept.`,
      );
    return EXIT_OK;
  } catch (e) {
    reportFailure(io, json, { key: profile.bucket }, toAppError(e));
    return EXIT_FAILED;
  }
}
