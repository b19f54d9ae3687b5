/**
 * Launch at login: macOS and Windows through Electron's login items; Linux through an XDG
 * autostart entry, which Electron does not manage.
 * https://www.electronjs.org/docs/latest/api/app#appsetloginitemsettingssettings-macos-windows
 * https://specifications.freedesktop.org/autostart-spec/latest/
 */
import type { App } from 'electron';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The argument a login launch carries, so the app starts in the tray without a window. */
export const HIDDEN_ARG = '--hidden';

/** The XDG autostart entry that starts `exec` hidden at login. */
export function autostartEntry(exec: string): string {
  // Desktop Entry Exec quoting: wrap in double quotes, escape ", `, $ and \.
  const quoted = `"${exec.replace(/["`$\\]/g, (c) => `\\${c}`)}"`;
  return ['[Desktop Entry]', 'Type=Application', 'Name=Signdrop', `Exec=${quoted} ${HIDDEN_ARG}`, 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}

export interface LoginItemDeps {
  readonly app: Pick<App, 'setLoginItemSettings'>;
  readonly platform: NodeJS.Platform;
  /** ~/.config/autostart on Linux. */
  readonly autostartDir: string;
  /** What to start: the AppImage when run from one (its mount path changes each launch), else the executable. */
  readonly executable: string;
}

/** Turns launch at login on or off. */
export async function setLaunchAtLogin(enabled: boolean, deps: LoginItemDeps): Promise<void> {
  if (deps.platform !== 'linux') {
    deps.app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] });
    return;
  }
  const file = join(deps.autostartDir, 'signdrop.desktop');
  if (!enabled) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(deps.autostartDir, { recursive: true });
  await writeFile(file, autostartEntry(deps.executable));
}
