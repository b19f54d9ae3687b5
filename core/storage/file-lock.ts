import { open, stat, unlink } from 'node:fs/promises';

/**
 * Creates `file` with O_EXCL, which only one process can do, holding `contents` (who holds it);
 * its release, or undefined when it exists.
 */
export async function createLockFile(file: string, contents: object): Promise<(() => Promise<void>) | undefined> {
  let handle;
  try {
    handle = await open(file, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw e;
  }
  try {
    await handle.writeFile(JSON.stringify(contents));
  } catch (e) {
    // A full disk takes the file but not its words: an empty lock left behind would hold everyone off
    // (until it turned stale, or for ever where an empty lock reads as a live holder's).
    await unlink(file).catch(() => undefined);
    throw e;
  } finally {
    await handle.close();
  }
  return () => unlink(file).catch(() => undefined);
}

/** A lock of this process, taken now. */
const create = (file: string, now: () => number) => createLockFile(file, { pid: process.pid, at: new Date(now()).toISOString() });

/** How long ago `file` was written, or undefined when it is gone. */
const ageOf = (file: string, now: () => number): Promise<number | undefined> =>
  stat(file).then(
    (s) => now() - s.mtimeMs,
    () => undefined,
  );

/**
 * Takes a lock file created with O_EXCL, which only one process can create. Returns its release,
 * or undefined when another process holds it. A lock older than `staleMs` is taken over: its
 * holder crashed (what it guards takes far less time than that).
 */
export async function tryLock(lockFile: string, staleMs: number, now: () => number = Date.now): Promise<(() => Promise<void>) | undefined> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const release = await create(lockFile, now);
    if (release) return release;
    const age = await ageOf(lockFile, now);
    // Released since the open: try again.
    if (age === undefined) continue;
    if (age < staleMs) return undefined;
    await removeStale(lockFile, async () => ((await ageOf(lockFile, now)) ?? 0) >= staleMs, now);
  }
  return undefined;
}

/** A takeover guard is held for a check and an unlink: one this old was left by a crash right there. */
const STALE_GUARD_MS = 10_000;

/**
 * Removes a lock its holder left behind (`isStale` says so), under a second lock: two processes
 * that both found it stale would otherwise both remove it, the second removing the lock the first
 * had just taken, and both would hold it. Under the guard the lock is checked again, so only a
 * stale one is ever removed.
 */
export async function removeStale(lockFile: string, isStale: () => Promise<boolean>, now: () => number = Date.now): Promise<void> {
  const guard = `${lockFile}.takeover`;
  const release = await create(guard, now);
  if (!release) {
    if (((await ageOf(guard, now)) ?? 0) >= STALE_GUARD_MS) await unlink(guard).catch(() => undefined);
    return;
  }
  try {
    if (await isStale()) await unlink(lockFile).catch(() => undefined);
  } finally {
    await release();
  }
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
