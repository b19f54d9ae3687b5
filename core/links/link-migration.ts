import { access, rename } from 'node:fs/promises';
import { z } from 'zod';
import { loadJson } from '../storage/json-file';
import type { LineWriter } from '../storage/append-log';
import { createdLine, LinkRecordSchema } from './link-events';

/** The history as earlier versions kept it: one JSON file, newest first, rewritten for every link. */
const OldHistorySchema = z.object({ version: z.literal(1), links: z.array(LinkRecordSchema) });

/**
 * Imports `links.json` (earlier versions' history) into the log once, then renames it to
 * `links.json.migrated`, which keeps the data. Importing twice (a crash before the rename, or
 * two processes starting at once) only repeats `created` lines, which the replay ignores.
 * Returns a sentence for the user when the old file could not be imported.
 */
export async function importOldHistory(oldFile: string, write: LineWriter, now: () => Date): Promise<string | undefined> {
  if (!(await access(oldFile).then(() => true, () => false))) return undefined;
  let loaded;
  try {
    loaded = await loadJson(oldFile, OldHistorySchema, { version: 1 as const, links: [] }, now);
  } catch (e) {
    return `${oldFile} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); its links were not imported. Fix its permissions and restart.`;
  }
  // A corrupt file was set aside by loadJson (and the problem says where); nothing to import.
  if (loaded.problem) return loaded.problem;
  await write([...loaded.value.links].reverse().map(createdLine));
  await rename(oldFile, `${oldFile}.migrated`).catch((e: NodeJS.ErrnoException) => {
    // Another process that started at the same time renamed it first.
    if (e.code !== 'ENOENT') throw e;
  });
  return undefined;
}
