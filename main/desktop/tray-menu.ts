/**
 * What the tray (menu-bar) icon shows: a one-line status from the queue's totals, and a menu
 * with "Upload files…", the latest links (a click copies one), the desktop options and Quit.
 * Built as a plain template so tests can click its entries.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { QueueTotals, UploadItem } from '../../common/uploads';
import type { DesktopSettings } from './desktop-settings';
import { openCount } from './upload-batch';

/** How many recent links the tray lists: enough to find today's, short enough to scan. */
export const TRAY_LINK_COUNT = 5;

export interface TrayActions {
  readonly uploadFiles: () => void;
  readonly copyLink: (url: string) => void;
  readonly showWindow: () => void;
  readonly setLaunchAtLogin: (enabled: boolean) => void;
  readonly setClipboardShortcut: (enabled: boolean) => void;
  readonly quit: () => void;
}

const percent = ({ bytesSent, bytesTotal }: QueueTotals): number => (bytesTotal === 0 ? 0 : Math.floor((bytesSent / bytesTotal) * 100));

/** "Uploading 2 files — 40%", or "Signdrop" when idle: the tooltip and the menu's first line. */
export function activityLabel(totals: QueueTotals): string {
  const open = openCount(totals);
  if (open === 0) return 'Signdrop';
  return `Uploading ${open} ${open === 1 ? 'file' : 'files'} — ${percent(totals)}%`;
}

/** The short text beside the macOS menu-bar icon while uploading ("40%"), empty when idle. */
export function activityTitle(totals: QueueTotals): string {
  return openCount(totals) === 0 ? '' : `${percent(totals)}%`;
}

/** The latest completed uploads that have a link, newest first. */
export function latestLinks(items: readonly UploadItem[], count = TRAY_LINK_COUNT): { name: string; url: string }[] {
  return items
    .filter((item) => item.state === 'completed' && item.link)
    .slice(-count)
    .reverse()
    .map((item) => ({ name: item.name, url: item.link!.url }));
}

/** Menu labels show & literally only when doubled (Windows and Linux treat & as a mnemonic). */
const escapeLabel = (text: string) => text.replace(/&/g, '&&');

/** The tray's menu: `totals` for the status line, `items` for the latest links. */
export function trayMenuTemplate(
  totals: QueueTotals,
  items: readonly UploadItem[],
  settings: DesktopSettings,
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  const links = latestLinks(items);
  return [
    { label: activityLabel(totals), enabled: false },
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
