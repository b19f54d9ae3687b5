/**
 * The Electron main process: a thin shell that wires OS pieces (window, dialog, clipboard,
 * keychain) to the engine in core/. Behaviour lives in core/ and main/ipc/handlers.ts.
 */
import { app, BrowserWindow, clipboard, dialog } from 'electron';
import { join } from 'node:path';
import { createCore } from '../core';
import { KeychainCredentialStore } from '../core/credentials/keychain-store';
import { createHandlers } from './ipc/handlers';
import { registerHandlers } from './ipc/register';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_ORIGIN } from './security';
import { createMainWindow } from './window';

// electron-vite sets this in `npm start` (dev); packaged builds load app://signdrop/.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];

registerAppScheme();

let window: BrowserWindow | undefined;

async function start(): Promise<void> {
  await app.whenReady();
  if (!devServerUrl) serveRenderer(join(__dirname, '../renderer'));

  const core = createCore({ dataDir: app.getPath('userData'), credentials: new KeychainCredentialStore() });
  const handlers = createHandlers({
    core,
    showOpenDialog: async () => {
      const options = { properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    writeClipboard: (text) => clipboard.writeText(text),
    emit: (event, payload) => window?.webContents.send(event, payload),
  });
  registerHandlers(handlers, {
    webContents: () => window?.webContents,
    origin: devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN,
  });

  const open = () => {
    window = createMainWindow(devServerUrl ?? `${APP_ORIGIN}/`);
    window.on('closed', () => (window = undefined));
  };
  open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

start().catch((e: unknown) => {
  console.error('[signdrop] failed to start:', (e as Error).message);
  app.exit(1);
});
