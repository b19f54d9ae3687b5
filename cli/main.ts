/**
 * `signdrop`: the same engine as the app, for scripts and servers.
 * Exit status: 0 all succeeded; 1 any item failed (each failure also on stderr); 2 usage error.
 */
import { parseCommandLine, type Values } from './args';
import { signCommand } from './commands/link';
import { profileAddCommand } from './commands/profile-add';
import { profileListCommand, profileRemoveCommand, profileTestCommand } from './commands/profile-manage';
import { uploadCommand } from './commands/upload';
import { HELP } from './help';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, type Io } from './io';
import { askOnTerminal } from './prompt';

type Command = (values: Values, operands: string[], io: Io) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  'profile add': profileAddCommand,
  'profile list': profileListCommand,
  'profile remove': profileRemoveCommand,
  'profile test': profileTestCommand,
  upload: uploadCommand,
  link: (values, operands, io) => signCommand('link', values, operands, io),
  'put-url': (values, operands, io) => signCommand('put-url', values, operands, io),
};

/** Runs one command line and resolves its exit status; never throws. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    const { command, values, operands } = parseCommandLine(argv);
    if (values['help'] === true) {
      io.out(HELP);
      return EXIT_OK;
    }
    if (command === undefined) {
      io.err(HELP);
      return EXIT_USAGE;
    }
    const handler = COMMANDS[command];
    if (!handler) throw new UsageError(`Unknown command "${command}". Run signdrop --help.`);
    return await handler(values, operands, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`signdrop: ${e.message}`);
      return EXIT_USAGE;
    }
    // A bug or an unexpected failure: still one line a person can read, and status 1.
    io.err(`signdrop: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT_FAILED;
  }
}

/** The process's own Io: stdout for results, stderr for people. */
export function processIo(): Io {
  return {
    env: process.env,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    errRaw: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    ask: (question, hidden) => askOnTerminal(question, hidden),
  };
}

/** Entry point for bin/signdrop.js. Sets the exit code and lets stdout drain rather than exiting at once. */
export function main(): void {
  // The SDK warns on every run that releases after January 2027 need Node 22; the SDK is pinned,
  // and a script's stderr is for its own failures.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  void run(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
