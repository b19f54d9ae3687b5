import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

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

/**
 * Expands files and folders into the files to upload. Folders are walked recursively with
 * their relative paths kept; symlink loops and unreadable entries are reported, not fatal.
 */
export async function collectFiles(paths: readonly string[]): Promise<{ files: LocalFile[]; problems: CollectProblem[] }> {
  const files: LocalFile[] = [];
  const problems: CollectProblem[] = [];

  async function walk(path: string, root: string, seen: Set<string>): Promise<void> {
    let info;
    try {
      info = await stat(path);
    } catch (e) {
      problems.push({ path, message: `Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    const rel = relative(root, path).split(sep).join('/');
    if (info.isFile()) {
      files.push({ path, relativePath: rel, size: info.size, mtimeMs: info.mtimeMs });
      return;
    }
    if (!info.isDirectory()) {
      problems.push({ path, message: `${path} is not a regular file or folder; skipped.` });
      return;
    }
    const real = await realpath(path);
    if (seen.has(real)) {
      problems.push({ path, message: `${path} links back to a folder already being uploaded (a symlink loop); skipped.` });
      return;
    }
    let entries: string[];
    try {
      entries = (await readdir(path)).sort();
    } catch (e) {
      problems.push({ path, message: `Cannot list ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    const inside = new Set(seen).add(real);
    for (const entry of entries) await walk(join(path, entry), root, inside);
  }

  for (const path of paths) {
    // A dropped folder keeps its own name as the first path segment ("photos/a.jpg").
    const root = join(path, '..');
    await walk(path, root, new Set());
  }
  return { files, problems };
}
