/** The shell's convention for a command ended by Ctrl-C (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;
/** The shell's convention for a command whose output's reader went away (128 + SIGPIPE). */
export const EXIT_READER_GONE = 141;

/** The running command's stop, when stdout's reader goes away: the handlers onInterrupt registered. */
const onReaderGone = new Set<() => void>();

/**
 * Calls `handler` on the first SIGINT or SIGTERM, so the command can stop and clean up on the
 * server; a second one exits at once (the user insists). Output's reader going away
 * (`signdrop upload … | head -1`) stops it the same way, once. Returns the function that stops listening.
 */
export function onInterrupt(handler: () => void, exit: (code: number) => void = (code) => process.exit(code)): () => void {
  let seen = false;
  const listener = () => {
    if (seen) return exit(EXIT_INTERRUPTED);
    seen = true;
    handler();
  };
  // Once only: a reader gone after Ctrl-C is no second Ctrl-C.
  const readerGone = () => {
    if (!seen) listener();
  };
  process.on('SIGINT', listener);
  process.on('SIGTERM', listener);
  onReaderGone.add(readerGone);
  return () => {
    process.off('SIGINT', listener);
    process.off('SIGTERM', listener);
    onReaderGone.delete(readerGone);
  };
}

/**
 * A reader that goes away (`signdrop history | head`) is not a failure, and no reason for a stack
 * trace: a command cleaning up on the server (an upload) stops as for Ctrl-C; any other ends at
 * once, as the shell expects of a command whose output nobody reads.
 */
export function watchStdout(stdout: NodeJS.WriteStream = process.stdout, exit: (code: number) => void = (code) => process.exit(code)): void {
  let gone = false;
  stdout.on('error', (e: NodeJS.ErrnoException) => {
    // Every write after the reader left fails too: the first one has said it.
    if (gone) return;
    if (e.code !== 'EPIPE') throw e;
    gone = true;
    if (onReaderGone.size === 0) return exit(EXIT_READER_GONE);
    for (const stop of onReaderGone) stop();
  });
}
