/**
 * Everything the CLI touches of its process, passed in so commands run the same under a terminal,
 * in a pipe, and in tests.
 */
export interface Io {
  readonly env: NodeJS.ProcessEnv;
  /** One line of results (stdout): URLs, or JSON objects with --json. */
  out(line: string): void;
  /** One line for people (stderr): failures, notes. */
  err(line: string): void;
  /** Writes raw text to stderr (progress redraws in place). */
  errRaw(text: string): void;
  /** stderr is a terminal: show progress. */
  readonly stderrIsTTY: boolean;
  /** The terminal's width, when stderr is one: the progress line is cut to fit. */
  readonly stderrColumns?: number;
  /** stdin is a terminal: keys may be typed. */
  readonly stdinIsTTY: boolean;
  /** Asks a question on the terminal; `hidden` does not echo what is typed. */
  ask(question: string, hidden: boolean): Promise<string>;
}

/** Wrong arguments: exit status 2 and a sentence saying what to type instead. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT_OK = 0;
/** Any item failed; each failure was also written to stderr. */
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
