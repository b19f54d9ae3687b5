/**
 * Wires the desktop pieces (application menu, tray, notifications, taskbar progress, clipboard
 * shortcut, launch at login, updates) to the engine. Receives the Electron pieces it uses, so
 * tests hand it fakes; each piece's decisions live in its own electron-free file.
 */
import type { App, BrowserWindow, Clipboard, GlobalShortcut, Menu, Notification } from 'electron';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../../common/result';
import type { UploadSource } from '../../core/uploads/enqueue-sources';
import { appMenuTemplate } from './app-menu';
import { setupBatchNotifications } from './batch-notification';
import { readClipboardSources } from './clipboard-content';
import { applyClipboardShortcut } from './clipboard-shortcut';
import type { DesktopSettings, DesktopSettingsFile } from './desktop-settings';
import { setLaunchAtLogin } from './launch-at-login';
import { setupTaskbarProgress } from './taskbar-progress';
import { setupTray, type TrayElectron, type TrayQueue } from './tray';
import { setupUpdater, type Confirm, type UpdaterDeps } from './updater';

export interface DesktopElectron extends TrayElectron {
  readonly app: Pick<App, 'isPackaged' | 'quit' | 'setLoginItemSettings'>;
  readonly clipboard: Pick<Clipboard, 'read'>;
  readonly globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister' | 'isRegistered' | 'unregisterAll'>;
  readonly Menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
  readonly Notification: typeof Notification;
  /** electron-updater's autoUpdater, fetched only in a packaged app (creating it reads app-update.yml). */
  readonly autoUpdater: UpdaterDeps['updater'];
}

export interface DesktopDeps {
  readonly uploads: TrayQueue;
  /** Puts sources in the queue (core's enqueueSources), telling the user when nothing could be queued. */
  readonly enqueue: (sources: readonly UploadSource[]) => Promise<void>;
  /** Shows the open dialog; resolves the chosen paths. */
  readonly pickPaths: () => Promise<string[]>;
  readonly showWindow: () => void;
  /** The app window while it is open: its taskbar button shows progress. */
  readonly mainWindow: () => Pick<BrowserWindow, 'isFocused' | 'setProgressBar'> | undefined;
  readonly writeClipboard: (text: string) => void;
  readonly settingsFile: Pick<DesktopSettingsFile, 'load' | 'save'>;
  readonly confirm: Confirm;
  /** Tells the user something (a notification, or a dialog when notifications are off). */
  readonly inform: (message: string) => void;
  /** Where the tray images are: build/tray in development, resources/tray when packaged. */
  readonly trayDir: string;
}

/** Sets up the desktop integration; resolves, once the saved settings are applied, to the function that undoes it (call it on quit). */
export async function setupDesktop(electron: DesktopElectron, deps: DesktopDeps): Promise<() => void> {
  const { app, globalShortcut, Menu } = electron;
  const { uploads, enqueue, showWindow, settingsFile, inform } = deps;
  let settings: DesktopSettings = await settingsFile.load();
  const report = (result: Result<unknown>) => {
    if (!result.ok) inform(result.error.message);
  };

  const uploadFiles = () => void deps.pickPaths().then((paths) => (paths.length > 0 ? enqueue(paths.map((path) => ({ path }))) : undefined));
  const uploadClipboard = async () => {
    const sources = await readClipboardSources(electron.clipboard, new Date());
    if (sources.length === 0) return inform('The clipboard is empty: copy files, an image or text first.');
    await enqueue(sources);
  };
  const pressShortcut = () => void uploadClipboard();

  const updates = setupUpdater({ isPackaged: app.isPackaged, updater: electron.autoUpdater, confirm: deps.confirm, inform });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({ platform: process.platform, isPackaged: app.isPackaged }, { uploadFiles, checkForUpdates: () => void updates.check(true) }),
    ),
  );

  const update = async (next: DesktopSettings) => {
    const applied = applyClipboardShortcut(globalShortcut, settings.clipboardShortcut, next.clipboardShortcut, pressShortcut);
    if (!applied.ok) {
      inform(applied.error.message);
      next = { ...next, clipboardShortcut: { ...next.clipboardShortcut, enabled: false } };
    }
    if (next.launchAtLogin !== settings.launchAtLogin) {
      await setLaunchAtLogin(next.launchAtLogin, {
        app,
        platform: process.platform,
        autostartDir: join(process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'autostart'),
        executable: process.env['APPIMAGE'] ?? process.execPath,
      });
    }
    settings = next;
    await settingsFile.save(settings);
    tray.refresh();
  };

  const tray = setupTray(electron, uploads, {
    iconPath: join(deps.trayDir, process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'),
    platform: process.platform,
    settings: () => settings,
    actions: {
      uploadFiles,
      showWindow,
      copyLink: deps.writeClipboard,
      setLaunchAtLogin: (launchAtLogin) => void update({ ...settings, launchAtLogin }),
      setClipboardShortcut: (enabled) => void update({ ...settings, clipboardShortcut: { ...settings.clipboardShortcut, enabled } }),
      quit: () => app.quit(),
    },
  });
  const stopNotifying = setupBatchNotifications(electron, uploads, { isWindowFocused: () => deps.mainWindow()?.isFocused() ?? false, showWindow });
  const stopProgress = setupTaskbarProgress(uploads, deps.mainWindow);

  report(applyClipboardShortcut(globalShortcut, undefined, settings.clipboardShortcut, pressShortcut));
  void updates.check(false);
  return () => {
    stopProgress();
    stopNotifying();
    tray.dispose();
    globalShortcut.unregisterAll();
  };
}
