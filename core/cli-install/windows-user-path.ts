/**
 * Windows: the launcher's folder goes on the user's own PATH (HKCU\Environment), never the system's,
 * so no administrator is needed. The value is read and written raw: entries such as
 * %USERPROFILE%\bin stay unexpanded and the value stays REG_EXPAND_SZ. setx is not used: it cuts
 * values at 1,024 characters. .NET's SetEnvironmentVariable is not used to write: on Windows
 * PowerShell it stores REG_SZ, which would stop those entries from expanding.
 */
import type { Command, RunCommand } from './command';

const powershell = (script: string): Command => ({ file: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-Command', script] });

/** Prints the user's PATH as stored (unexpanded), or nothing; UTF-8, so a folder named "Zoë" comes back intact. */
export const READ_USER_PATH = powershell(
  "[Console]::OutputEncoding = [Text.Encoding]::UTF8; (Get-Item -LiteralPath 'HKCU:\\Environment').GetValue('Path', '', 'DoNotExpandEnvironmentNames')",
);

/** Writes the user's PATH. */
export const writeUserPath = (value: string): Command => ({
  file: 'reg.exe',
  args: ['add', 'HKCU\\Environment', '/v', 'Path', '/t', 'REG_EXPAND_SZ', '/d', value, '/f'],
});

// Explorer, and the terminals it starts, read the environment again on WM_SETTINGCHANGE. Deleting a
// user variable that does not exist changes nothing, and .NET broadcasts that message after it.
export const ANNOUNCE_ENVIRONMENT = powershell("[Environment]::SetEnvironmentVariable('SIGNDROP_PATH_CHANGED', $null, 'User')");

/** One PATH entry as Windows compares them: no quotes, no trailing backslash, any case. */
const normal = (entry: string) =>
  entry
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .replace(/\\+$/, '')
    .toLowerCase();

const entries = (value: string) => value.split(';').filter((entry) => entry.trim() !== '');

/** The PATH value with `dir` appended, or undefined when it is already there. */
export function withPathEntry(value: string, dir: string): string | undefined {
  const list = entries(value);
  if (list.some((entry) => normal(entry) === normal(dir))) return undefined;
  return [...list, dir].join(';');
}

/** The PATH value without `dir`, or undefined when it was not there. */
export function withoutPathEntry(value: string, dir: string): string | undefined {
  const list = entries(value);
  const kept = list.filter((entry) => normal(entry) !== normal(dir));
  return kept.length === list.length ? undefined : kept.join(';');
}

const readUserPath = async (run: RunCommand) => (await run(READ_USER_PATH)).replace(/\r?\n$/, '');

async function writeAndAnnounce(run: RunCommand, value: string): Promise<void> {
  await run(writeUserPath(value));
  await run(ANNOUNCE_ENVIRONMENT);
}

/** Adds `dir` (the launcher's folder) to the user's PATH. */
export async function windowsInstall(dir: string, run: RunCommand): Promise<{ state: 'installed'; message: string }> {
  const next = withPathEntry(await readUserPath(run), dir);
  if (next !== undefined) await writeAndAnnounce(run, next);
  return { state: 'installed', message: `The signdrop command is on your PATH (${dir}): open a new terminal and run signdrop --help.` };
}

/** Takes `dir` off the user's PATH, leaving every other entry as it was. */
export async function windowsUninstall(dir: string, run: RunCommand): Promise<{ state: 'removed' | 'absent'; message: string }> {
  const next = withoutPathEntry(await readUserPath(run), dir);
  if (next === undefined) return { state: 'absent', message: `${dir} was not on your PATH.` };
  await writeAndAnnounce(run, next);
  return { state: 'removed', message: `${dir} is no longer on your PATH: terminals opened from now on have no signdrop command.` };
}
