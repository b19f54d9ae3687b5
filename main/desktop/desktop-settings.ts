/**
 * The shell's own preferences (launch at login, the clipboard shortcut): part of the one settings
 * store (common/settings.ts), changed from the tray or the window's settings view alike, and put
 * into effect here before they are saved.
 */
import type { GlobalShortcut } from 'electron';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../../common/settings';
import { SigndropError } from '../../common/result';
import type { SettingsApplier } from '../../core/settings/settings-store';
import { applyClipboardShortcut } from './clipboard-shortcut';
import { setLaunchAtLogin, type LoginItemDeps } from './launch-at-login';

export { DEFAULT_CLIPBOARD_ACCELERATOR } from '../../common/settings';

export type DesktopSettings = Pick<Settings, 'launchAtLogin' | 'clipboardShortcut'>;

export const DEFAULT_DESKTOP_SETTINGS: DesktopSettings = {
  launchAtLogin: DEFAULT_SETTINGS.launchAtLogin,
  clipboardShortcut: DEFAULT_SETTINGS.clipboardShortcut,
};

export interface DesktopApplierDeps {
  readonly globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister' | 'isRegistered'>;
  readonly onShortcut: () => void;
  readonly loginItem: Pick<LoginItemDeps, 'app' | 'platform'>;
}

/** Where Linux keeps autostart entries, and what a login launch starts. */
function loginItemPaths(): Pick<LoginItemDeps, 'autostartDir' | 'executable'> {
  return {
    autostartDir: join(process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'autostart'),
    // An AppImage's mount path changes each launch: start the image itself.
    executable: process.env['APPIMAGE'] ?? process.execPath,
  };
}

/**
 * Registers a changed shortcut and sets the login item before the settings are saved. A shortcut
 * another app holds refuses the change with words the settings view shows at the field; the
 * previous shortcut is registered again, so the user keeps a working one.
 */
export function desktopApplier({ globalShortcut, onShortcut, loginItem }: DesktopApplierDeps): SettingsApplier {
  return async (next, previous) => {
    const same = JSON.stringify(next.clipboardShortcut) === JSON.stringify(previous.clipboardShortcut);
    if (!same) {
      const applied = applyClipboardShortcut(globalShortcut, previous.clipboardShortcut, next.clipboardShortcut, onShortcut);
      if (!applied.ok) {
        applyClipboardShortcut(globalShortcut, undefined, previous.clipboardShortcut, onShortcut);
        throw new SigndropError(applied.error);
      }
    }
    if (next.launchAtLogin !== previous.launchAtLogin) await setLaunchAtLogin(next.launchAtLogin, { ...loginItem, ...loginItemPaths() });
    return next;
  };
}
