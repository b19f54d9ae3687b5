/** A batch's write and fsync take milliseconds; a disk that hangs longer must not keep the app or the CLI from quitting. */
export const QUIT_FLUSH_TIMEOUT_MS = 5_000;

/** The parts of the engine quitting touches (createCore's `uploads` and `links`). */
export interface Flushable {
  readonly uploads: { close(): Promise<void> };
  readonly links: { flush(): Promise<void> };
}

/**
 * Call on quit (the app's before-quit, the CLI's exit, SIGINT and SIGTERM) before the process
 * ends: stops the queue, which delivers its last changes (so every finished upload's link is
 * recorded), then waits until the link history is on disk. Resolves false when that took longer
 * than `timeoutMs` or failed; quit anyway then.
 */
export async function flushBeforeQuit(core: Flushable, timeoutMs = QUIT_FLUSH_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const done = (async () => {
    await core.uploads.close();
    await core.links.flush();
    return true;
  })().catch(() => false);
  try {
    return await Promise.race([done, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
