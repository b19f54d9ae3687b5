import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { WindowState } from './desktop/window-state';
import { secureWebPreferences } from './security';

/** The first-run size: room for the queue and the links side by side. */
const DEFAULT_SIZE = { width: 960, height: 720 } as const;

/**
 * Creates the one app window with the secure baseline. Navigation and new windows are
 * denied for every web contents by navigation.ts (installed app-wide in index.ts).
 * `state` is where the user left it (already checked to be on a display: window-state.ts).
 */
export function createMainWindow(url: string, options: { readonly show: boolean; readonly state?: WindowState }): BrowserWindow {
  const { state } = options;
  const win = new BrowserWindow({
    ...(state ? { x: state.x, y: state.y, width: state.width, height: state.height } : DEFAULT_SIZE),
    minWidth: 560,
    minHeight: 420,
    show: false,
    title: 'Signdrop',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
  });
  if (options.show) {
    win.once('ready-to-show', () => {
      if (state?.isMaximized) win.maximize();
      win.show();
    });
  }
  void win.loadURL(url);
  return win;
}
