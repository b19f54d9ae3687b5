import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isJunkFileName } from '../../common/settings';

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

export interface CollectOptions {
  /** Leave out the files operating systems leave in folders (.DS_Store, Thumbs.db, desktop.ini, ._*). */
  readonly skipJunk?: boolean;
}

async function walk(path: string, relativePath: string, seen: ReadonlySet<string>, options: CollectOptions): Promise<Collected> {
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
  // Only inside folders: a junk file dropped on its own was chosen, so it is uploaded.
  if (options.skipJunk) entries = entries.filter((entry) => !isJunkFileName(entry));
  const result: Collected = { files: [], problems: [] };
  for (let i = 0; i < entries.length; i += STAT_CONCURRENCY) {
    const window = entries.slice(i, i + STAT_CONCURRENCY);
    // In parallel, but appended in name order.
    for (const sub of await Promise.all(window.map((entry) => walk(join(path, entry), `${relativePath}/${entry}`, inside, options)))) {
      result.files.push(...sub.files);
      result.problems.push(...sub.problems);
    }
  }
  return result;
}

/**
 * Expands files and folders into the files to upload. Folders are walked recursively with
 * their relative paths kept (in name order); symlink loops and unreadable entries are
 * reported, not fatal; system junk files in folders are left out when `skipJunk` says so.
 */
export async function collectFiles(paths: readonly string[], options: CollectOptions = {}): Promise<Collected> {
  const all: Collected = { files: [], problems: [] };
  for (const path of paths) {
    // A dropped folder keeps its own name as the first path segment ("photos/a.jpg").
    const one = await walk(path, basename(path), new Set(), options);
    all.files.push(...one.files);
    all.problems.push(...one.problems);
  }
  return all;
}
