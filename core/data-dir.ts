import { homedir } from 'node:os';
import { join, win32 } from 'node:path';

/** The folder's name: the app's product name, which is also the name Electron gives its user-data folder. */
export const DATA_FOLDER_NAME = 'Signdrop';

/**
 * The one folder per user where the app and the CLI keep profiles, the link history, queues and
 * settings: `$SIGNDROP_CONFIG_DIR` when set, else where Electron puts the user data of an app
 * named Signdrop (`%APPDATA%\Signdrop`, `~/Library/Application Support/Signdrop`,
 * `$XDG_CONFIG_HOME/Signdrop` or `~/.config/Signdrop`). The app sets its userData to this path, so
 * the two agree even in development, where Electron would name the folder after package.json's
 * lowercase `name`.
 */
export function signdropDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  const override = env['SIGNDROP_CONFIG_DIR'];
  if (override) return override;
  if (platform === 'win32') return win32.join(env['APPDATA'] || win32.join(home, 'AppData', 'Roaming'), DATA_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', DATA_FOLDER_NAME);
  return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), DATA_FOLDER_NAME);
}

/**
 * Where the CLI kept its profiles before it shared the app's folder: `~/.config/signdrop` (the XDG
 * folder) on every system. Undefined when `$SIGNDROP_CONFIG_DIR` names the folder: that choice
 * was explicit, and nothing is moved into it.
 */
export function oldCliDataDir(env: NodeJS.ProcessEnv = process.env, home = homedir()): string | undefined {
  if (env['SIGNDROP_CONFIG_DIR']) return undefined;
  return join(env['XDG_CONFIG_HOME'] || join(env['HOME'] || home, '.config'), 'signdrop');
}
