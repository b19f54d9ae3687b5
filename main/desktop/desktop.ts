/**
 * Wires the desktop pieces (application menu, tray, notifications, taskbar progress, clipboard
 * shortcut, launch at login, updates) to the engine. Receives the Electron pieces it uses, so
 * tests hand it fakes; each piece's decisions live in its own electron-free file.
 */
import type { App, BrowserWindow, Clipboard, GlobalShortcut, Menu, Notification } from 'electron';
import { join } from 'node:path';
import type { Result } from '../../common/result';
import type { Settings } from '../../common/settings';
import type { ShortcutName } from '../../common/shortcuts';
import { toAppError } from '../../core/errors/to-app-error';
import type { SettingsStore } from '../../core/settings/settings-store';
import type { UploadSource } from '../../core/uploads/enqueue-sources';
import { appMenuTemplate } from './app-menu';
import { cliInstallActions, type CliInstallShell } from './cli-install';
import { setupBatchNotifications } from './batch-notification';
import { readClipboardSources } from './clipboard-content';
import { applyClipboardShortcut } from './clipboard-shortcut';
import { desktopApplier } from './desktop-settings';
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
  /** The one settings store: the tray changes launch at login and the shortcut through it, as the window does. */
  readonly settings: Pick<SettingsStore, 'get' | 'set' | 'useApplier' | 'onChanged'>;
  /** Shows the window and has it do what one of its shortcuts does (the app menu's Preferences…, views, …). */
  readonly windowShortcut: (name: ShortcutName) => void;
  readonly confirm: Confirm;
  /** Tells the user something (a notification, or a dialog when notifications are off). */
  readonly inform: (message: string) => void;
  /** Where the tray images are: build/tray in development, resources/tray when packaged. */
  readonly trayDir: string;
  /** What "Install Command Line Tool…" needs; undefined in development, where no launcher ships. */
  readonly commandLine: CliInstallShell['options'] | undefined;
}

/** Sets up the desktop integration; resolves, once the saved settings are applied, to the function that undoes it (call it on quit). */
export async function setupDesktop(electron: DesktopElectron, deps: DesktopDeps): Promise<() => void> {
  const { app, globalShortcut, Menu } = electron;
  const { uploads, enqueue, showWindow, inform } = deps;
  let settings: Settings = await deps.settings.get();
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
  const commandLine = deps.commandLine ? cliInstallActions({ options: deps.commandLine, confirm: deps.confirm, inform }) : undefined;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate(
        { platform: process.platform, isPackaged: app.isPackaged },
        {
          uploadFiles,
          windowShortcut: deps.windowShortcut,
          checkForUpdates: () => void updates.check(true),
          installCommandLine: () => void commandLine?.install(),
          uninstallCommandLine: () => void commandLine?.uninstall(),
        },
      ),
    ),
  );

  const stopApplying = deps.settings.useApplier(desktopApplier({ globalShortcut, onShortcut: pressShortcut, loginItem: { app, platform: process.platform } }));
  const stopListening = deps.settings.onChanged((next) => {
    settings = next;
    tray.refresh();
  });
  // A refused change (a shortcut another app holds) leaves the tray's checkbox as it was, and says why.
  const update = (patch: Partial<Settings>) => void deps.settings.set(patch).catch((e: unknown) => inform(toAppError(e).message));

  const tray = setupTray(electron, uploads, {
    iconPath: join(deps.trayDir, process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'),
    platform: process.platform,
    settings: () => settings,
    actions: {
      uploadFiles,
      showWindow,
      copyLink: deps.writeClipboard,
      setLaunchAtLogin: (launchAtLogin) => update({ launchAtLogin }),
      setClipboardShortcut: (enabled) => update({ clipboardShortcut: { ...settings.clipboardShortcut, enabled } }),
      quit: () => app.quit(),
    },
  });
  const stopNotifying = setupBatchNotifications(electron, uploads, { isWindowFocused: () => deps.mainWindow()?.isFocused() ?? false, showWindow });
  const stopProgress = setupTaskbarProgress(uploads, deps.mainWindow);

  report(applyClipboardShortcut(globalShortcut, undefined, settings.clipboardShortcut, pressShortcut));
  void updates.check(false);
  return () => {
    stopListening();
    stopApplying();
    stopProgress();
    stopNotifying();
    tray.dispose();
    globalShortcut.unregisterAll();
  };
}
