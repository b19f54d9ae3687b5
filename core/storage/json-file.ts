import { readFile, rename } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';

export type LoadResult<T> =
  | { readonly value: T; readonly problem?: undefined }
  /** The file was unreadable or invalid: it was moved aside to `backup` and `value` is the fallback. */
  | { readonly value: T; readonly problem: string; readonly backup: string };

/**
 * Reads a JSON file through a schema. A missing file gives the fallback; a corrupt one is
 * renamed aside (never silently emptied) and reported, so the user can recover it.
 */
export async function loadJson<S extends z.ZodType>(
  file: string,
  schema: S,
  fallback: z.output<S>,
  now: () => Date = () => new Date(),
): Promise<LoadResult<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { value: fallback };
    throw e;
  }
  let reason: string;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return { value: parsed.data };
    reason = parsed.error.issues[0]?.message ?? 'schema mismatch';
  } catch (e) {
    reason = (e as Error).message;
  }
  const backup = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, backup);
  return { value: fallback, problem: `${file} could not be read (${reason}); it was kept as ${backup}.`, backup };
}

/** Writes JSON atomically (temporary file, fsync, rename) so a crash never leaves half a file. */
export async function saveJson(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
}
