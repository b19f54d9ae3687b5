/** The shell's convention for a command ended by Ctrl-C (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

/**
 * Calls `handler` on the first SIGINT or SIGTERM, so the command can stop and clean up on the
 * server; a second one exits at once (the user insists). Returns the function that stops listening.
 */
export function onInterrupt(handler: () => void, exit: (code: number) => void = (code) => process.exit(code)): () => void {
  let seen = false;
  const listener = () => {
    if (seen) return exit(EXIT_INTERRUPTED);
    seen = true;
    handler();
  };
  process.on('SIGINT', listener);
  process.on('SIGTERM', listener);
  return () => {
    process.off('SIGINT', listener);
    process.off('SIGTERM', listener);
  };
}
