import { parseArgs, type ParseArgsConfig } from 'node:util';
import { randomUUID } from 'node:crypto';
import type { Disposition } from '../common/disposition';
import { parseDuration } from '../common/expiry';
import { renderKey } from '../common/key-template';
import { UsageError } from './io';
import { didYouMean } from './suggest';

type Options = NonNullable<ParseArgsConfig['options']>;

/** How every command names its target: a saved profile, or a bucket with keys from the environment. */
const TARGET: Options = {
  profile: { type: 'string' },
  endpoint: { type: 'string' },
  region: { type: 'string' },
  bucket: { type: 'string' },
  'path-style': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** The options each command accepts; anything else is a usage error. */
export const COMMAND_OPTIONS: Readonly<Record<string, Options>> = {
  // --key-template and --expires here set the profile's defaults for later uploads and links.
  // --no-test saves without testing the connection first; --no-path-style undoes a profile's --path-style.
  'profile add': {
    ...TARGET,
    'aws-profile': { type: 'string' },
    'key-template': { type: 'string' },
    expires: { type: 'string' },
    'no-test': { type: 'boolean' },
  },
  'profile edit': {
    ...TARGET,
    'no-path-style': { type: 'boolean' },
    'key-template': { type: 'string' },
    expires: { type: 'string' },
    'no-test': { type: 'boolean' },
  },
  'profile default': TARGET,
  'profile list': TARGET,
  'profile remove': TARGET,
  'profile test': TARGET,
  upload: {
    ...TARGET,
    expires: { type: 'string' },
    'key-template': { type: 'string' },
    inline: { type: 'boolean' },
    download: { type: 'boolean' },
    page: { type: 'boolean' },
  },
  link: {
    ...TARGET,
    expires: { type: 'string' },
    'download-name': { type: 'string' },
    inline: { type: 'boolean' },
    download: { type: 'boolean' },
    'no-check': { type: 'boolean' },
  },
  'put-url': { ...TARGET, expires: { type: 'string' }, 'content-type': { type: 'string' } },
};

/** Every option of every command, and the ones that need no command. */
const ALL_OPTIONS: Options = Object.assign({ version: { type: 'boolean' } }, ...Object.values(COMMAND_OPTIONS));

/** `signdrop help [<command>]` prints help like --help; it is no command of the engine's. */
export const HELP_COMMAND = 'help';

export type Values = Record<string, string | boolean | undefined>;

export interface Parsed {
  /** "upload", "profile add", ...; undefined when none was named. */
  readonly command: string | undefined;
  readonly values: Values;
  /** Positionals after the command words. */
  readonly operands: string[];
}

/**
 * Splits argv into command, options and operands. Options may come before or after the command;
 * an option the command does not take is refused rather than ignored.
 */
export function parseCommandLine(argv: readonly string[]): Parsed {
  const loose = parseArgs({ args: [...argv], options: ALL_OPTIONS, allowPositionals: true, strict: false });
  const [first, second] = loose.positionals;
  if (first === HELP_COMMAND) return { command: first, values: loose.values as Values, operands: loose.positionals.slice(1) };
  const command = first === 'profile' && second ? `profile ${second}` : first;
  if (command === undefined || (loose.values['help'] === true && !(command in COMMAND_OPTIONS))) {
    return { command, values: loose.values as Values, operands: [] };
  }
  const options = COMMAND_OPTIONS[command];
  if (!options) throw unknownCommand(command);
  try {
    const strict = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { command, values: strict.values as Values, operands: strict.positionals.slice(command.split(' ').length) };
  } catch (e) {
    // parseArgs' own messages name the option ("Unknown option '--foo'"), which is what the user needs.
    const message = (e as Error).message.replace(/\. To specify a positional.*$/s, '.');
    const typo = /^Unknown option '--([^'=]+)'/.exec(message)?.[1];
    const hint = typo === undefined ? '' : didYouMean(typo, Object.keys(options), (name) => `--${name}`);
    throw new UsageError(`${message}${hint} Run signdrop ${command} --help.`);
  }
}

/** A command that does not exist, with the one it most likely meant. */
export function unknownCommand(command: string): UsageError {
  const [first, second] = command.split(' ');
  if (first === 'profile') {
    const sub = Object.keys(COMMAND_OPTIONS).flatMap((c) => (c.startsWith('profile ') ? [c.slice(8)] : []));
    const hint = didYouMean(second ?? '', sub, (name) => `"profile ${name}"`);
    return new UsageError(`Unknown command "profile ${second ?? ''}": use profile add, edit, default, list, remove or test.${hint}`);
  }
  const names = new Set([...Object.keys(COMMAND_OPTIONS).map((c) => c.split(' ')[0]!), HELP_COMMAND]);
  return new UsageError(`Unknown command "${command}".${didYouMean(command, names, (name) => `"${name}"`)} Run signdrop --help.`);
}

export function stringOption(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A link lifetime option, or the fallback; a bad value is a usage error that says what is allowed. */
export function expiryOption(values: Values, fallbackSeconds: number): number {
  const text = stringOption(values, 'expires');
  if (text === undefined) return fallbackSeconds;
  const parsed = parseDuration(text);
  if ('error' in parsed) throw new UsageError(parsed.error);
  return parsed.seconds;
}

/** --key-template, refused before anything uploads when it has an unknown token or makes no key. */
export function templateOption(values: Values): string | undefined {
  const template = stringOption(values, 'key-template');
  if (template === undefined) return undefined;
  const sample = renderKey(template, { relativePath: 'folder/file.txt', now: new Date(), uuid: randomUUID() });
  if ('error' in sample) throw new UsageError(sample.error);
  return template;
}

/** --inline or --download: how the links present the files; neither lets each file's type decide. */
export function dispositionOption(values: Values): Disposition | undefined {
  if (values['inline'] === true && values['download'] === true) throw new UsageError('Choose --inline or --download, not both.');
  if (values['inline'] === true) return 'inline';
  return values['download'] === true ? 'attachment' : undefined;
}
