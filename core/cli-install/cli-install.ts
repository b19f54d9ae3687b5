/**
 * "Install Command Line Tool…": puts the `signdrop` launcher that ships inside the installed app on
 * the user's PATH, the way VS Code installs `code`, and takes it off again. Its surroundings come in
 * as options (platform, home, environment, the programs it runs), so the shell only asks the
 * questions these results raise, and tests run every branch on any system.
 */
import { posix, win32 } from 'node:path';
import { linkInstall, linkUninstall, type LinkFs, type LinkPlan } from './cli-link';
import type { Command, RunCommand } from './command';
import { macAdminCommand, shellQuote } from './mac-admin';
import { windowsInstall, windowsUninstall } from './windows-user-path';

export type { Command, RunCommand } from './command';

export interface CliInstallOptions {
  readonly platform: NodeJS.Platform;
  readonly home: string;
  /** The app's environment: PATH (is the link's folder on it?) and APPIMAGE. */
  readonly env: NodeJS.ProcessEnv;
  /** The launcher inside the installed app (`launcherPath`). */
  readonly launcher: string;
  /** Runs reg and PowerShell on Windows. */
  readonly run: RunCommand;
  /** The user agreed to replace what else holds the name (after `occupied`). */
  readonly replace?: boolean;
  /** Where the link goes, instead of ~/.local/bin (Linux) or /usr/local/bin (macOS). */
  readonly binDir?: string;
  readonly fs?: LinkFs;
}

export type CliInstallResult =
  /** Done now or before; `message` says where, and what the user still has to do. */
  | { readonly state: 'installed'; readonly message: string }
  /** Something else is called signdrop there: ask, and call again with `replace` on a yes. */
  | { readonly state: 'occupied'; readonly question: string; readonly detail: string }
  /** macOS: /usr/local/bin belongs to an administrator. Run `command` (macOS asks for the password); `message` is for when it succeeded. */
  | { readonly state: 'needs-admin'; readonly command: Command; readonly message: string }
  /** Not from this copy of the app; `message` says what works instead. */
  | { readonly state: 'unsupported'; readonly message: string };

export type CliUninstallResult =
  | { readonly state: 'removed' | 'absent' | 'not-ours' | 'unsupported'; readonly message: string }
  | { readonly state: 'needs-admin'; readonly command: Command; readonly message: string };

/** Where the launcher is in an installed app, given Electron's `process.resourcesPath`. */
export function launcherPath(resourcesPath: string, platform: NodeJS.Platform): string {
  return platform === 'win32' ? win32.join(resourcesPath, 'bin', 'signdrop.cmd') : posix.join(resourcesPath, 'bin', 'signdrop');
}

/** Why this copy of the app cannot put its command on the PATH, if it cannot. */
function unsupported({ platform, env, launcher }: CliInstallOptions): string | undefined {
  // An AppImage is mounted at a new place at every start: a link into it breaks when the app quits.
  if (platform === 'linux' && env['APPIMAGE'])
    return 'The AppImage cannot install the signdrop command: it runs from a new place at every start. Install the .deb or .rpm package, or download the signdrop executable for Linux from the release.';
  // Gatekeeper runs a downloaded app from a temporary read-only copy until it is moved.
  if (platform === 'darwin' && launcher.includes('/AppTranslocation/'))
    return 'Move Signdrop to the Applications folder and open it from there first: macOS runs it from a temporary copy until then.';
  if (platform !== 'linux' && platform !== 'darwin' && platform !== 'win32') return `Installing the signdrop command is not supported on ${platform}.`;
  return undefined;
}

function linkPlan({ platform, home, launcher, binDir }: CliInstallOptions): LinkPlan {
  const dir = binDir ?? (platform === 'darwin' ? '/usr/local/bin' : posix.join(home, '.local', 'bin'));
  const shown = dir.startsWith(`${home}/`) ? `~${dir.slice(home.length)}` : dir;
  return { dir, link: posix.join(dir, 'signdrop'), launcher, shown };
}

/** A sentence for Linux when the link's folder is not on the PATH the app was started with. */
function pathNote({ platform, env }: CliInstallOptions, plan: LinkPlan): string {
  if (platform !== 'linux') return '';
  const onPath = (env['PATH'] ?? '').split(':').some((entry) => posix.resolve(entry || '.') === posix.resolve(plan.dir));
  if (onPath) return '';
  return ` ${plan.shown} is not on your PATH yet: many systems add it at your next login now that it exists; otherwise add export PATH="$HOME/.local/bin:$PATH" to ~/.profile.`;
}

/** Installs the command: a link to the launcher (Linux, macOS), or the launcher's folder on the user's PATH (Windows). */
export async function installCli(options: CliInstallOptions): Promise<CliInstallResult> {
  const reason = unsupported(options);
  if (reason) return { state: 'unsupported', message: reason };
  if (options.platform === 'win32') return windowsInstall(win32.dirname(options.launcher), options.run);
  const plan = linkPlan(options);
  const admin =
    options.platform === 'darwin'
      ? macAdminCommand(`mkdir -p ${shellQuote(plan.dir)} && ln -sfn ${shellQuote(plan.launcher)} ${shellQuote(plan.link)}`)
      : undefined;
  const result = await linkInstall(plan, { replace: options.replace ?? false, admin, ...(options.fs ? { fs: options.fs } : {}) });
  return result.state === 'installed' ? { state: 'installed', message: result.message + pathNote(options, plan) } : result;
}

/** Takes the command off the PATH: only our own link, or our folder in the user's PATH. */
export async function uninstallCli(options: CliInstallOptions): Promise<CliUninstallResult> {
  const reason = unsupported(options);
  if (reason) return { state: 'unsupported', message: reason };
  if (options.platform === 'win32') return windowsUninstall(win32.dirname(options.launcher), options.run);
  const plan = linkPlan(options);
  const admin = options.platform === 'darwin' ? macAdminCommand(`rm -f ${shellQuote(plan.link)}`) : undefined;
  return linkUninstall(plan, { admin, ...(options.fs ? { fs: options.fs } : {}) });
}
