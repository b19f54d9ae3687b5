import { open, stat, unlink } from 'node:fs/promises';

/**
 * Takes a lock file created with O_EXCL, which only one process can create. Returns its release,
 * or undefined when another process holds it. A lock older than `staleMs` is taken over: its
 * holder crashed (what it guards takes far less time than that).
 */
export async function tryLock(lockFile: string, staleMs: number, now: () => number = Date.now): Promise<(() => Promise<void>) | undefined> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx', 0o600);
      await handle.writeFile(JSON.stringify({ pid: process.pid, at: new Date(now()).toISOString() }));
      await handle.close();
      return () => unlink(lockFile).catch(() => undefined);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const since = await stat(lockFile).then(
      (s) => now() - s.mtimeMs,
      () => undefined,
    );
    // Released since the open: try again. Unlinking here would remove a lock another process took meanwhile.
    if (since === undefined) continue;
    if (since < staleMs) return undefined;
    await unlink(lockFile).catch(() => undefined);
  }
  return undefined;
}

/** How long to wait between attempts at a lock another process holds. */
const LOCK_RETRY_MS = 15;

/**
 * Runs `work` holding the lock file, waiting while another process holds it (a holder older than
 * `staleMs` crashed, and its lock is taken over). For short critical sections only: a read, a
 * change and an atomic write of a small file.
 */
export async function withLock<T>(lockFile: string, staleMs: number, work: () => Promise<T>): Promise<T> {
  let release = await tryLock(lockFile, staleMs);
  while (!release) {
    await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
    release = await tryLock(lockFile, staleMs);
  }
  try {
    return await work();
  } finally {
    await release();
  }
}
