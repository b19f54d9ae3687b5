import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

export interface LocalFile {
  readonly path: string;
  /** Path below what the user chose, "/"-separated; the file's own name for a single file. */
  readonly relativePath: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface CollectProblem {
  readonly path: string;
  readonly message: string;
}

interface Collected {
  files: LocalFile[];
  problems: CollectProblem[];
}

/** Entries of a folder are stat'ed this many at a time: one by one, 10,000 files take over a second. */
const STAT_CONCURRENCY = 64;

const reason = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;
const problem = (path: string, message: string): Collected => ({ files: [], problems: [{ path, message }] });

async function walk(path: string, relativePath: string, seen: ReadonlySet<string>): Promise<Collected> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    return problem(path, `Cannot read ${path}: ${reason(e)}`);
  }
  if (info.isFile()) {
    return { files: [{ path, relativePath, size: info.size, mtimeMs: info.mtimeMs }], problems: [] };
  }
  if (!info.isDirectory()) return problem(path, `${path} is not a regular file or folder; skipped.`);
  const real = await realpath(path);
  if (seen.has(real)) return problem(path, `${path} links back to a folder already being uploaded (a symlink loop); skipped.`);
  let entries: string[];
  try {
    entries = (await readdir(path)).sort();
  } catch (e) {
    return problem(path, `Cannot list ${path}: ${reason(e)}`);
  }
  const inside = new Set(seen).add(real);
  const result: Collected = { files: [], problems: [] };
  for (let i = 0; i < entries.length; i += STAT_CONCURRENCY) {
    const window = entries.slice(i, i + STAT_CONCURRENCY);
    // In parallel, but appended in name order.
    for (const sub of await Promise.all(window.map((entry) => walk(join(path, entry), `${relativePath}/${entry}`, inside)))) {
      result.files.push(...sub.files);
      result.problems.push(...sub.problems);
    }
  }
  return result;
}

/**
 * Expands files and folders into the files to upload. Folders are walked recursively with
 * their relative paths kept (in name order); symlink loops and unreadable entries are
 * reported, not fatal.
 */
export async function collectFiles(paths: readonly string[]): Promise<Collected> {
  const all: Collected = { files: [], problems: [] };
  for (const path of paths) {
    // A dropped folder keeps its own name as the first path segment ("photos/a.jpg").
    const one = await walk(path, basename(path), new Set());
    all.files.push(...one.files);
    all.problems.push(...one.problems);
  }
  return all;
}
