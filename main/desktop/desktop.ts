/**
 * Wires the desktop pieces (application menu, tray, clipboard shortcut, launch at login,
 * updates) to the engine. Each piece's logic lives in its own file, tested with electron mocked.
 */
import { app, clipboard, globalShortcut, Menu, type BrowserWindow } from 'electron';
import { autoUpdater } from 'electron-updater';
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../../core';
import type { Result } from '../../common/result';
import { appMenuTemplate } from './app-menu';
import { notifyFinishedBatches } from './batch-notification';
import { readClipboardContent } from './clipboard-content';
import { applyClipboardShortcut } from './clipboard-shortcut';
import type { DesktopSettings, DesktopSettingsFile } from './desktop-settings';
import { setLaunchAtLogin } from './launch-at-login';
import type { EnqueuePaths } from './path-queue';
import { showTaskbarProgress } from './taskbar-progress';
import { createTray } from './tray';
import { setupUpdater, type Confirm } from './updater';

export interface DesktopDeps {
  readonly core: Pick<Core, 'uploads'>;
  readonly enqueuePaths: EnqueuePaths;
  /** Shows the open dialog; resolves the chosen paths. */
  readonly pickPaths: () => Promise<string[]>;
  readonly showWindow: () => void;
  /** The app window while it is open: its taskbar button shows progress. */
  readonly mainWindow: () => Pick<BrowserWindow, 'isFocused' | 'setProgressBar'> | undefined;
  readonly writeClipboard: (text: string) => void;
  readonly settingsFile: DesktopSettingsFile;
  readonly confirm: Confirm;
  /** Tells the user something (a notification, or a dialog when notifications are off). */
  readonly inform: (message: string) => void;
  /** Where the tray images are: build/tray in development, resources/tray when packaged. */
  readonly trayDir: string;
}

/** Sets up the desktop integration; resolves once the saved settings are applied. */
export async function setupDesktop(deps: DesktopDeps): Promise<void> {
  const { core, enqueuePaths, pickPaths, showWindow, settingsFile, inform } = deps;
  let settings: DesktopSettings = await settingsFile.load();
  const report = (result: Result<unknown>) => {
    if (!result.ok) inform(result.error.message);
  };

  const uploadFiles = () => void pickPaths().then(enqueuePaths).then(report);
  const uploadClipboard = async () => {
    const content = await readClipboardContent(clipboard, new Date());
    if (content.kind === 'empty') return inform('The clipboard is empty: copy files, an image or text first.');
    if (content.kind === 'paths') return report(await enqueuePaths(content.paths));
    const dir = join(app.getPath('temp'), 'signdrop-clipboard');
    await mkdir(dir, { recursive: true });
    const file = join(dir, content.name);
    await writeFile(file, content.data);
    report(await enqueuePaths([file]));
  };

  const updates = setupUpdater({ isPackaged: app.isPackaged, updater: () => autoUpdater, confirm: deps.confirm, inform });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({ platform: process.platform, isPackaged: app.isPackaged }, { uploadFiles, checkForUpdates: () => void updates.check(true) }),
    ),
  );

  const update = async (next: DesktopSettings) => {
    const applied = applyClipboardShortcut(globalShortcut, settings.clipboardShortcut, next.clipboardShortcut, () => void uploadClipboard());
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

  const tray = createTray({
    iconPath: join(deps.trayDir, process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'),
    items: () => core.uploads.list(),
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
  // Throttled inside the tray: this fires per chunk sent.
  core.uploads.onChanged(() => tray.refresh());
  notifyFinishedBatches({ uploads: core.uploads, isWindowFocused: () => deps.mainWindow()?.isFocused() ?? false, showWindow });
  showTaskbarProgress({ uploads: core.uploads, window: deps.mainWindow });
  app.on('will-quit', () => globalShortcut.unregisterAll());

  report(applyClipboardShortcut(globalShortcut, undefined, settings.clipboardShortcut, () => void uploadClipboard()));
  void updates.check(false);
}
