import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { mkdir, readFile } from 'node:fs/promises';
import { createLockFile, removeStale } from './file-lock';

/** Whether a process with this id runs on this machine (signal 0 checks without sending anything). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Holds `lockFile` for as long as this process runs, or until released: for work that lasts
 * minutes or hours (a CLI upload), where a lock's age says nothing. Another process may take the
 * lock over only when its holder is dead (killed, even with SIGKILL, so the file stayed behind).
 * A holder on another machine (a shared home folder) is taken as alive. Returns the release, or
 * undefined when a live process holds the lock.
 */
export async function holdProcessLock(lockFile: string): Promise<(() => Promise<void>) | undefined> {
  const me = { pid: process.pid, host: hostname() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const release = await createLockFile(lockFile, me);
      if (release) return release;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A first run has no data folder yet: made here, then the lock is tried again.
      if (code === 'ENOENT' && attempt === 0) {
        await mkdir(dirname(lockFile), { recursive: true });
        continue;
      }
      throw e;
    }
    const isDead = async () => {
      const holder = await readFile(lockFile, 'utf8').then(
        (text) => JSON.parse(text) as { pid?: number; host?: string },
        () => undefined,
      );
      // A lock file being written right now reads empty: its holder is alive.
      return holder !== undefined && typeof holder.pid === 'number' && holder.host === me.host && !isRunning(holder.pid);
    };
    if (!(await isDead())) return undefined;
    await removeStale(lockFile, isDead);
  }
  return undefined;
}
