/**
 * "Install Command Line Tool…" and "Remove Command Line Tool…" in the app menu: core/cli-install
 * decides; this asks what its results ask (replace another signdrop? on macOS, macOS's own password
 * dialog through osascript) and says how it went.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { installCli, uninstallCli, type CliInstallOptions, type Command, type RunCommand } from '../../core/cli-install/cli-install';
import type { Confirm } from './updater';

/** Runs a program without a shell (and on Windows without a console window flashing up). */
export const runCommand: RunCommand = async ({ file, args }) => (await promisify(execFile)(file, [...args], { windowsHide: true })).stdout;

export interface CliInstallShell {
  /** Everything core needs but the user's answer. */
  readonly options: Omit<CliInstallOptions, 'replace'>;
  readonly confirm: Confirm;
  readonly inform: (message: string) => void;
}

export interface CliInstallActions {
  readonly install: () => Promise<void>;
  readonly uninstall: () => Promise<void>;
}

// osascript's error when the user closes the password dialog.
const USER_CANCELED = '(-128)';

export function cliInstallActions({ options, confirm, inform }: CliInstallShell): CliInstallActions {
  /** Runs an administrator's command, saying `message` once it worked. */
  const asAdmin = async (command: Command, message: string, failed: string) => {
    try {
      await options.run(command);
      inform(message);
    } catch (e) {
      const text = (e as Error).message;
      inform(`${failed}: ${text.includes(USER_CANCELED) ? 'no administrator password was given.' : text}`);
    }
  };
  const install = async () => {
    let result = await installCli(options);
    if (result.state === 'occupied') {
      if (!(await confirm(result.question, result.detail))) return;
      result = await installCli({ ...options, replace: true });
    }
    if (result.state === 'needs-admin') return asAdmin(result.command, result.message, 'The signdrop command was not installed');
    if (result.state === 'occupied') return;
    inform(result.message);
  };
  const uninstall = async () => {
    const result = await uninstallCli(options);
    if (result.state === 'needs-admin') return asAdmin(result.command, result.message, 'The signdrop command was not removed');
    inform(result.message);
  };
  const reporting = (work: () => Promise<void>) => () => work().catch((e: unknown) => inform(`The command line tool: ${(e as Error).message}`));
  return { install: reporting(install), uninstall: reporting(uninstall) };
}
