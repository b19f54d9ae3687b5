import { flushBeforeQuit, type Flushable } from '../core/links/flush-before-quit';

/** The exit status of a process ended by a signal: 128 + its number, as shells report it. */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * While a command uploads, Ctrl+C (SIGINT) and SIGTERM stop it cleanly: the queue stops and saves
 * (multipart uploads stay on the server, so the same command run again resumes them), every link
 * made so far reaches the history on disk, then the process exits with 130 or 143. A second
 * signal while that runs exits at once. Returns the function that removes the handlers.
 */
export function onInterrupt(core: Flushable, beforeExit: () => Promise<void> = async () => undefined): () => void {
  let stopping = false;
  const handler = (signal: keyof typeof SIGNAL_EXIT) => {
    if (stopping) process.exit(SIGNAL_EXIT[signal]);
    stopping = true;
    void flushBeforeQuit(core)
      .then(beforeExit)
      .finally(() => process.exit(SIGNAL_EXIT[signal]));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
