import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { isSafeExternalUrl, secureWebPreferences } from './security';

/**
 * Creates the one app window with the secure baseline, and denies navigation and new
 * windows (checklist #13, #14): a link the page opens goes to the OS browser after a check.
 */
export function createMainWindow(url: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 960,
    height: 720,
    minWidth: 560,
    minHeight: 420,
    show: false,
    title: 'Signdrop',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(({ url: target }) => {
    if (isSafeExternalUrl(target)) void shell.openExternal(target);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, target) => {
    if (target !== win.webContents.getURL()) event.preventDefault();
  });
  void win.loadURL(url);
  return win;
}
