/**
 * One Signdrop at a time: a second launch (say, "Open with Signdrop" on Windows or Linux)
 * hands its files to the first and exits, so there is one queue and one keychain user.
 * https://www.electronjs.org/docs/latest/api/app#apprequestsingleinstancelockadditionaldata
 * It is also a safeguard: a second process never runs its own engine against the same
 * keychain entries and data files (two queues saving one queue file would lose uploads).
 */
import type { App } from 'electron';
import { isAbsolute, resolve } from 'node:path';

/**
 * The file arguments of a command line: everything after the executable (and, in
 * development, after the app folder Electron was given), minus switches.
 */
export function filesFromArgv(argv: readonly string[], options: { readonly isPackaged: boolean; readonly cwd: string }): string[] {
  // Packaged: [exe, ...files]. Development: [electron, appDir, ...files].
  const firstFile = options.isPackaged ? 1 : 2;
  return argv
    .slice(firstFile)
    .filter((arg) => arg !== '' && !arg.startsWith('-'))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(options.cwd, arg)));
}

export interface SingleInstanceHooks {
  /** Files from a second launch's command line. */
  readonly onFiles: (paths: string[]) => void;
  /** Brings our window to the front. */
  readonly focus: () => void;
}

/**
 * Takes the single-instance lock. Returns false in a second instance, which should quit at
 * once: Electron has already passed its command line to the first one's 'second-instance'.
 */
export function claimSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'on' | 'isPackaged'>, hooks: SingleInstanceHooks): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv, cwd) => {
    hooks.focus();
    const files = filesFromArgv(argv, { isPackaged: app.isPackaged, cwd });
    if (files.length > 0) hooks.onFiles(files);
  });
  return true;
}
