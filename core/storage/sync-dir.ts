import { open } from 'node:fs/promises';

/**
 * Fsyncs a folder, so a file just created or renamed in it is still there after a power cut.
 * Windows cannot open a folder for fsync (and does not need it); that is not an error.
 */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // EPERM/EINVAL on file systems that cannot sync folders: nothing more to do.
  } finally {
    await handle.close();
  }
}
