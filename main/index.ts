/**
 * The Electron main process: a thin shell that wires OS pieces (window, dialog, clipboard,
 * keychain, tray) to the engine in core/. Behaviour lives in core/ and main/ipc/handlers.ts.
 * Security checklist: https://www.electronjs.org/docs/latest/tutorial/security
 */
import { app, BrowserWindow, clipboard, dialog, globalShortcut, Menu, nativeImage, Notification, screen, session, shell, Tray } from 'electron';
import { autoUpdater } from 'electron-updater';
import { join } from 'node:path';
import { createCore } from '../core';
import { launcherPath } from '../core/cli-install/cli-install';
import { signdropDataDir } from '../core/data-dir';
import { KeychainCredentialStore } from '../core/credentials/keychain-store';
import { flushBeforeQuit, type Flushable } from '../core/links/flush-before-quit';
import { enqueueSources, type UploadSource } from '../core/uploads/enqueue-sources';
import { runCommand } from './desktop/cli-install';
import { setupDesktop } from './desktop/desktop';
import { HIDDEN_ARG } from './desktop/launch-at-login';
import { listenForOpenedFiles, PathInbox } from './desktop/opened-files';
import { rememberWindowState } from './desktop/remember-window';
import { restorableState, WindowStateFile, type WindowState } from './desktop/window-state';
import { createHandlers, forwardEvents, type EventDeps } from './ipc/handlers';
import { registerHandlers } from './ipc/register';
import { guardAllWebContents } from './navigation';
import { restrictPermissions } from './permissions';
import { registerAppScheme, serveRenderer } from './protocol';
import { blockRemoteContent } from './remote-content';
import { APP_ORIGIN } from './security';
import { claimSingleInstance, filesFromArgv } from './single-instance';
import { createMainWindow } from './window';

// electron-vite sets this in `npm start` (dev); packaged builds load app://signdrop/.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const appOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;
// The folder the CLI shares (core/data-dir.ts), whatever name Electron would derive (in development
// it takes package.json's lowercase name); set before anything uses it, the single-instance lock too.
app.setPath('userData', signdropDataDir());

let window: BrowserWindow | undefined;
// Files from the OS wait here until the engine is up (see opened-files.ts).
const inbox = new PathInbox();
// Where the user left the window; loaded in start(), kept current as it moves.
let windowState: { file: WindowStateFile; saved: WindowState | undefined } | undefined;

function showWindow(): void {
  if (!window) {
    // Displays change between runs (a monitor unplugged): check against the current ones each time.
    const state = restorableState(
      windowState?.saved,
      screen.getAllDisplays().map((display) => display.workArea),
    );
    window = createMainWindow(devServerUrl ?? `${APP_ORIGIN}/`, { show: true, ...(state ? { state } : {}) });
    window.on('closed', () => (window = undefined));
    rememberWindowState(window, (saved) => {
      if (!windowState) return;
      windowState.saved = saved;
      windowState.file.save(saved).catch((e: unknown) => console.warn(`[signdrop] could not save the window's place: ${(e as Error).message}`));
    });
    return;
  }
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function inform(message: string): void {
  if (Notification.isSupported()) new Notification({ title: 'Signdrop', body: message }).show();
  else void dialog.showMessageBox({ type: 'info', message });
}

async function pickPaths(): Promise<string[]> {
  const options = { properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[] };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/**
 * Quitting (the menu, the tray, SIGINT or SIGTERM) first stops the queue and writes the link
 * history to disk, so a link made a moment before quitting is still in History at the next start.
 */
function quitAfterFlushing(core: Flushable): void {
  let flushed = false;
  app.on('before-quit', (event) => {
    if (flushed) return;
    event.preventDefault();
    void flushBeforeQuit(core).finally(() => {
      flushed = true;
      app.quit();
    });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
}

async function start(): Promise<void> {
  await app.whenReady();
  restrictPermissions(session.defaultSession, appOrigin);
  // The dev server's hot reload talks over ws:// to the same host.
  blockRemoteContent(session.defaultSession, devServerUrl ? [appOrigin, appOrigin.replace(/^http/, 'ws')] : [APP_ORIGIN]);
  if (!devServerUrl) serveRenderer(join(__dirname, '../renderer'));

  const dataDir = app.getPath('userData');
  const stateFile = new WindowStateFile(dataDir);
  windowState = { file: stateFile, saved: await stateFile.load() };
  const core = await createCore({ dataDir, credentials: new KeychainCredentialStore() });
  const writeClipboard = (text: string) => void clipboard.writeText(text);
  const emit: EventDeps['emit'] = (event, payload) => window?.webContents.send(event, payload);
  const handlers = createHandlers({
    core,
    dataDir,
    showOpenDialog: pickPaths,
    writeClipboard,
    // Both are called only after the handler's checks (open-link.ts; a path held by the queue).
    openExternal: (url) => shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK
    showItemInFolder: (path) => shell.showItemInFolder(path),
  });
  app.on('will-quit', forwardEvents({ core, emit }));
  quitAfterFlushing(core);
  registerHandlers(handlers, { webContents: () => window?.webContents, origin: appOrigin });

  // Files from the OS and the clipboard go to the first profile with its default expiry: the
  // OS gives no way to choose either. The window chooses both (the uploads:enqueue handler).
  const enqueue = async (sources: readonly UploadSource[]) => {
    try {
      await enqueueSources({ uploads: core.uploads, profiles: core.profiles, settings: core.settings, dataDir }, { sources });
    } catch (e) {
      inform((e as Error).message);
    }
  };
  inbox.connect((paths) => {
    showWindow();
    void enqueue(paths.map((path) => ({ path })));
  });

  // Launched at login: start in the tray, without a window.
  if (!process.argv.includes(HIDDEN_ARG)) showWindow();
  // Reading a long link history is mostly JSON.parse (seconds for 100,000 links on a slow machine):
  // start it while the window loads, so History opens from memory with its search index built.
  setTimeout(() => void core.links.warm().catch((e: unknown) => console.warn(`[signdrop] could not read the link history: ${(e as Error).message}`)), 0);
  const stopDesktop = await setupDesktop(
    { app, clipboard, globalShortcut, Menu, Tray, nativeImage, Notification, autoUpdater: () => autoUpdater },
    {
      uploads: core.uploads,
      enqueue,
      pickPaths,
      showWindow,
      mainWindow: () => window,
      writeClipboard,
      settings: core.settings,
      windowShortcut: (name) => {
        showWindow();
        emit('window:shortcut', name);
      },
      inform,
      confirm: async (message, detail) =>
        (await dialog.showMessageBox({ type: 'question', buttons: ['Yes', 'Not now'], defaultId: 0, cancelId: 1, message, detail })).response === 0,
      trayDir: app.isPackaged ? join(process.resourcesPath, 'tray') : join(__dirname, '../../build/tray'),
      commandLine: app.isPackaged
        ? {
            platform: process.platform,
            home: app.getPath('home'),
            env: process.env,
            launcher: launcherPath(process.resourcesPath, process.platform),
            run: runCommand,
          }
        : undefined,
    },
  );
  // The tray, its subscriptions to the queue and the global shortcut end with the app.
  app.on('will-quit', stopDesktop);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showWindow();
  });
}

registerAppScheme();
// electronegativity OPEN_EXTERNAL_JS_CHECK (a review reminder) is justified: navigation.ts calls this
// only for URLs that pass isSafeExternalUrl (https, no credentials); see test/unit/main/navigation.test.ts.
guardAllWebContents(app, (url) => shell.openExternal(url)); // eng-disable OPEN_EXTERNAL_JS_CHECK

// Checklist: one instance, so one queue; a second launch hands over its files and exits.
if (!claimSingleInstance(app, { onFiles: (paths) => inbox.add(paths), focus: showWindow })) {
  app.quit();
} else {
  listenForOpenedFiles(app, (paths) => inbox.add(paths));
  inbox.add(filesFromArgv(process.argv, { isPackaged: app.isPackaged, cwd: process.cwd() }));
  // The tray keeps the app alive with no window, on every platform.
  app.on('window-all-closed', () => undefined);
  start().catch((e: unknown) => {
    console.error('[signdrop] failed to start:', (e as Error).message);
    app.exit(1);
  });
}
