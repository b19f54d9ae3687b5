/**
 * The tray (menu-bar) icon's menu: "Upload files…", the latest links (a click copies one),
 * the desktop options, and Quit. Built as a plain template so tests can click its entries.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { UploadItem } from '../../common/uploads';
import { activityLabel, latestLinks } from './activity';
import type { DesktopSettings } from './desktop-settings';

export interface TrayActions {
  readonly uploadFiles: () => void;
  readonly copyLink: (url: string) => void;
  readonly showWindow: () => void;
  readonly setLaunchAtLogin: (enabled: boolean) => void;
  readonly setClipboardShortcut: (enabled: boolean) => void;
  readonly quit: () => void;
}

/** Menu labels show & literally only when doubled (Windows and Linux treat & as a mnemonic). */
const escapeLabel = (text: string) => text.replace(/&/g, '&&');

export function trayMenuTemplate(
  items: readonly UploadItem[],
  settings: DesktopSettings,
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  const links = latestLinks(items);
  return [
    { label: activityLabel(items), enabled: false },
    { type: 'separator' },
    { label: 'Upload files…', click: () => actions.uploadFiles() },
    { label: 'Show Signdrop', click: () => actions.showWindow() },
    { type: 'separator' },
    ...(links.length === 0
      ? [{ label: 'No links yet', enabled: false }]
      : links.map(({ name, url }) => ({ label: `Copy link: ${escapeLabel(name)}`, click: () => actions.copyLink(url) }))),
    { type: 'separator' },
    {
      label: 'Launch at login',
      type: 'checkbox',
      checked: settings.launchAtLogin,
      click: () => actions.setLaunchAtLogin(!settings.launchAtLogin),
    },
    {
      label: `Upload clipboard with ${settings.clipboardShortcut.accelerator}`,
      type: 'checkbox',
      checked: settings.clipboardShortcut.enabled,
      click: () => actions.setClipboardShortcut(!settings.clipboardShortcut.enabled),
    },
    { type: 'separator' },
    { label: 'Quit Signdrop', click: () => actions.quit() },
  ];
}
