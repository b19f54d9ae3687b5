import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { secureWebPreferences } from './security';

/**
 * Creates the one app window with the secure baseline. Navigation and new windows are
 * denied for every web contents by navigation.ts (installed app-wide in index.ts).
 */
export function createMainWindow(url: string, options: { readonly show: boolean }): BrowserWindow {
  const win = new BrowserWindow({
    width: 960,
    height: 720,
    minWidth: 560,
    minHeight: 420,
    show: false,
    title: 'Signdrop',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
  });
  if (options.show) win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  return win;
}
