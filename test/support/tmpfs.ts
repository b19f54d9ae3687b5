/**
 * A real, small file system for tests of a data folder that fills up or turns read-only: a tmpfs
 * mounted on a new folder, remounted read-only and writable again as the test says. Needs root
 * (CAP_SYS_ADMIN); without it `mountTmpfs` fails and says so, since a test that cannot make the
 * disk refuse writes cannot show anything.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Tmpfs {
  readonly dir: string;
  readOnly(): Promise<void>;
  writable(): Promise<void>;
  /** Writes a filler file until the disk is full (ENOSPC); `free` removes it. */
  fill(): Promise<void>;
  free(): Promise<void>;
  /** Unmounts (lazily, so an open file cannot keep it mounted) and removes the folder. */
  unmount(): Promise<void>;
}

/** Mounts a tmpfs of `sizeMiB` on a new folder. */
export async function mountTmpfs(sizeMiB: number): Promise<Tmpfs> {
  const dir = await mkdtemp(join(tmpdir(), 'signdrop-tmpfs-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m,mode=0700`, 'tmpfs', dir]);
  } catch (e) {
    await rmdir(dir).catch(() => undefined);
    throw new Error(`This test needs root (CAP_SYS_ADMIN) to mount a tmpfs it can fill up or make read-only: ${(e as Error).message}`, { cause: e });
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    readOnly: () => remountReadOnly(dir),
    writable: () => run('mount', ['-o', 'remount,rw', dir]).then(() => undefined),
    fill: async () => {
      await appendUntilFull(filler, 1024 * 1024);
      // What is left is less than a MiB: take it page by page.
      await appendUntilFull(filler, 4096);
    },
    free: () => rm(filler, { force: true }),
    unmount: async () => {
      await run('umount', ['-l', dir]).catch(() => undefined);
      await rmdir(dir).catch(() => undefined);
    },
  };
}

/**
 * Remounts read-only, at the first moment no file on it is open for writing: the kernel refuses
 * ("mount point is busy") while a save is being written, which a batch does many times a second.
 */
async function remountReadOnly(dir: string): Promise<void> {
  const end = Date.now() + 10_000;
  for (;;) {
    try {
      await run('mount', ['-o', 'remount,ro', dir]);
      return;
    } catch (e) {
      if (!/busy/.test((e as Error).message) || Date.now() > end) throw e;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/** Appends blocks of `size` bytes until the disk refuses one. */
async function appendUntilFull(file: string, size: number): Promise<void> {
  const block = Buffer.alloc(size, 1);
  for (;;) {
    try {
      await writeFile(file, block, { flag: 'a' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOSPC') return;
      throw e;
    }
  }
}
