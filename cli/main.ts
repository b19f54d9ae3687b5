/**
 * `signdrop`: the same engine as the app, for scripts and servers.
 * Exit status: 0 all succeeded; 1 any item failed (each failure also on stderr); 2 usage error.
 */
import { version } from '../package.json';
import { HELP_COMMAND, parseCommandLine, unknownCommand, type Values } from './args';
import { commandHelp, HELP } from './help';
import { watchStdout } from './interrupt';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, type Io } from './io';
import { askOnTerminal } from './prompt';

type Command = (values: Values, operands: string[], io: Io) => Promise<number>;

// Loaded on use: the AWS SDK takes most of a second to load, and --help or a typo should not wait for it.
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  'profile add': async () => (await import('./commands/profile-add.js')).profileAddCommand,
  'profile edit': async () => (await import('./commands/profile-edit.js')).profileEditCommand,
  'profile default': async () => (await import('./commands/profile-edit.js')).profileDefaultCommand,
  'profile list': async () => (await import('./commands/profile-manage.js')).profileListCommand,
  'profile remove': async () => (await import('./commands/profile-manage.js')).profileRemoveCommand,
  'profile test': async () => (await import('./commands/profile-manage.js')).profileTestCommand,
  upload: async () => (await import('./commands/upload.js')).uploadCommand,
  link: async () => {
    const { signCommand } = await import('./commands/link.js');
    return (values, operands, io) => signCommand('link', values, operands, io);
  },
  'request create': async () => (await import('./commands/request-create.js')).requestCreateCommand,
  'request list': async () => (await import('./commands/request-manage.js')).requestListCommand,
  'request files': async () => (await import('./commands/request-manage.js')).requestFilesCommand,
  'request close': async () => (await import('./commands/request-manage.js')).requestCloseCommand,
  'put-url': async () => {
    const { signCommand } = await import('./commands/link.js');
    return (values, operands, io) => signCommand('put-url', values, operands, io);
  },
  history: async () => (await import('./commands/history.js')).historyCommand,
  'history relink': async () => (await import('./commands/history.js')).relinkCommand,
  delete: async () => (await import('./commands/delete.js')).deleteCommand,
  cleanup: async () => (await import('./commands/cleanup.js')).cleanupCommand,
  'bucket expire-after': async () => (await import('./commands/bucket.js')).expireAfterCommand,
};

/** Runs one command line and resolves its exit status; never throws. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    const { command, values, operands } = parseCommandLine(argv);
    if (values['version'] === true) {
      io.out(`signdrop ${version}`);
      return EXIT_OK;
    }
    if (command === HELP_COMMAND || values['help'] === true) return printHelp(command === HELP_COMMAND ? operands.join(' ') : (command ?? ''), io);
    if (command === undefined) {
      io.err(HELP);
      return EXIT_USAGE;
    }
    const load = COMMANDS[command];
    if (!load) throw unknownCommand(command);
    return await (
      await load()
    )(values, operands, io);
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

/** `--help`, `help <command>` and `<command> --help`: the whole page, or one command's. */
function printHelp(name: string, io: Io): number {
  if (name === '') {
    io.out(HELP);
    return EXIT_OK;
  }
  const page = commandHelp(name);
  if (page === undefined) throw unknownCommand(name);
  io.out(page);
  return EXIT_OK;
}

/** The process's own Io: stdout for results, stderr for people. */
export function processIo(): Io {
  return {
    env: process.env,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    errRaw: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    ...(process.stderr.columns ? { stderrColumns: process.stderr.columns } : {}),
    stdinIsTTY: process.stdin.isTTY === true,
    ask: (question, hidden) => askOnTerminal(question, hidden),
  };
}

/** Entry point for bin/signdrop.js. Sets the exit code and lets stdout drain rather than exiting at once. */
export function main(): void {
  watchStdout();
  void run(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
