/** A program and its arguments, run without a shell. */
export interface Command {
  readonly file: string;
  readonly args: readonly string[];
}

/** Runs a command; resolves its standard output, rejects when it fails. */
export type RunCommand = (command: Command) => Promise<string>;
