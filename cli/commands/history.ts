import { chooseDisposition } from '../../common/disposition';
import { isExpired, timeLeft, type LinkRecord } from '../../common/links';
import { toAppError } from '../../core/errors/to-app-error';
import { LinkHistory } from '../../core/links/link-history';
import { contentTypeFor } from '../../core/uploads/content-type';
import { dispositionOption, expiryOption, stringOption, type Values } from '../args';
import { recordUnrecordedLinks } from '../cli-queue';
import { dataDir, resolveTarget } from '../context';
import { EXIT_FAILED, EXIT_OK, UsageError, type Io } from '../io';
import { reportFailure } from '../output';

/** One history entry as `--json` prints it: the fields a script needs, in a fixed set. */
export function historyLine(link: LinkRecord): string {
  return JSON.stringify({
    key: link.key,
    name: link.name,
    size: link.size,
    bucket: link.bucket,
    url: link.url,
    expiresAt: link.expiresAt,
    uploadedAt: link.createdAt,
    ...(link.deletedAt ? { deletedAt: link.deletedAt } : {}),
  });
}

/** Whether a link passes --search (name or key, ignoring case) and --active / --expired. */
function matcher(values: Values, now: Date): (link: LinkRecord) => boolean {
  if (values['active'] === true && values['expired'] === true) throw new UsageError('Choose --active or --expired, not both.');
  const search = stringOption(values, 'search')?.toLowerCase();
  return (link) => {
    if (search && !link.name.toLowerCase().includes(search) && !link.key.toLowerCase().includes(search)) return false;
    if (values['active'] === true) return !link.deletedAt && !isExpired(link, now);
    if (values['expired'] === true) return !link.deletedAt && isExpired(link, now);
    return true;
  };
}

/**
 * `signdrop history`: every link the app and the CLI made, newest first, from the shared history.
 * Plain output is one line per link: time left (or "expired", "deleted"), key, URL.
 */
export async function historyCommand(values: Values, operands: string[], io: Io): Promise<number> {
  if (operands.length > 0)
    throw new UsageError(`Unexpected "${operands[0]}": signdrop history [--search Q] [--active | --expired] [--json], or history relink <key>.`);
  const now = new Date();
  const wanted = matcher(values, now);
  const dir = await dataDir(io);
  const history = new LinkHistory(dir);
  // An upload stopped by a crash may have finished items whose links the history lacks.
  await recordUnrecordedLinks(dir, history);
  const links = await history.list();
  if (history.loadProblem) io.err(`signdrop: warning: ${history.loadProblem}`);
  for (const link of links.filter(wanted)) {
    const state = link.deletedAt ? 'deleted' : timeLeft(link, now);
    io.out(values['json'] === true ? historyLine(link) : `${state}\t${link.key}\t${link.url}`);
  }
  return EXIT_OK;
}

/** The newest live link to `key` in `bucket`, or a usage error that says what was found. */
function newestLink(links: readonly LinkRecord[], bucket: string, key: string): LinkRecord {
  const found = links.filter((l) => l.key === key && l.bucket === bucket);
  const live = found.find((l) => !l.deletedAt);
  if (live) return live;
  throw new UsageError(
    found.length > 0
      ? `${key} was deleted from bucket "${bucket}"; upload it again to share it.`
      : `The history has no link to ${key} in bucket "${bucket}": signdrop history --search lists what it has.`,
  );
}

/**
 * `signdrop history relink <key>`: a new link to an object the history holds, with a new expiry
 * (the profile's default unless --expires); its history entry is updated in place.
 */
export async function relinkCommand(values: Values, operands: string[], io: Io): Promise<number> {
  const [key, extra] = operands;
  if (!key || extra !== undefined) throw new UsageError('Name one object key: signdrop history relink <key> [--expires D].');
  const json = values['json'] === true;
  expiryOption(values, 1);
  const override = dispositionOption(values);
  const { core, profile } = await resolveTarget(values, io);
  const history = new LinkHistory(await dataDir(io));
  const link = newestLink(await history.list(), profile.bucket, key);
  try {
    const expiresInSeconds = expiryOption(values, profile.defaultExpirySeconds);
    const disposition = chooseDisposition(contentTypeFor(link.name), override);
    const signed = await core.signer.presignGet(profile.id, key, { expiresInSeconds, downloadName: link.name, disposition });
    if (signed.warning) io.err(`signdrop: warning: ${signed.warning}`);
    const updated = await history.relink(link.id, signed.url, signed.expiresAt);
    await history.flush();
    io.out(json ? historyLine(updated ?? link) : signed.url);
    return EXIT_OK;
  } catch (e) {
    reportFailure(io, json, { key }, toAppError(e));
    return EXIT_FAILED;
  }
}
