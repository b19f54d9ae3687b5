/**
 * The application menu: Electron's standard roles (so Cut/Copy/Paste, Undo, Close, Zoom and
 * their shortcuts work the way each OS expects) plus our few commands.
 * https://www.electronjs.org/docs/latest/api/menu-item#roles
 */
import type { MenuItemConstructorOptions } from 'electron';
import { accelerator, SHORTCUTS, type ShortcutName } from '../../common/shortcuts';

export interface AppMenuActions {
  readonly uploadFiles: () => void;
  /** Has the window do what one of its shortcuts does (Preferences…, the views, Keyboard Shortcuts). */
  readonly windowShortcut: (name: ShortcutName) => void;
  readonly checkForUpdates: () => void;
  /** Puts the `signdrop` command that ships with the app on the PATH, and takes it off. */
  readonly installCommandLine: () => void;
  readonly uninstallCommandLine: () => void;
}

export interface AppMenuOptions {
  readonly platform: NodeJS.Platform;
  /** Reload and developer tools only in development: a packaged app has nothing to debug. */
  readonly isPackaged: boolean;
}

/**
 * An entry for one of the window's shortcuts, showing its keys. On Windows and Linux the keys stay
 * the page's (not registered with the menu), so one press does not act twice; macOS menus take
 * their keys first, and the entry then asks the window.
 */
function windowItem(label: string, name: ShortcutName, actions: AppMenuActions): MenuItemConstructorOptions {
  return { label, accelerator: accelerator(SHORTCUTS[name].combo), registerAccelerator: false, click: () => actions.windowShortcut(name) };
}

export function appMenuTemplate({ platform, isPackaged }: AppMenuOptions, actions: AppMenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const uploadFiles: MenuItemConstructorOptions = {
    label: 'Upload Files…',
    accelerator: 'CommandOrControl+O',
    click: () => actions.uploadFiles(),
  };
  // Where each OS puts it: the app menu on macOS (Cmd+,), the File menu elsewhere (Ctrl+,).
  const preferences = windowItem(mac ? 'Settings…' : 'Preferences…', 'settings', actions);
  const checkForUpdates: MenuItemConstructorOptions = {
    label: 'Check for Updates…',
    // electron-updater only works in an installed app.
    enabled: isPackaged,
    click: () => actions.checkForUpdates(),
  };
  // Only an installed app ships the command's launcher (resources/bin).
  const commandLine: MenuItemConstructorOptions[] = [
    { label: 'Install Command Line Tool…', enabled: isPackaged, click: () => actions.installCommandLine() },
    { label: 'Remove Command Line Tool…', enabled: isPackaged, click: () => actions.uninstallCommandLine() },
  ];
  return [
    ...(mac
      ? [
          {
            role: 'appMenu',
            submenu: [
              { role: 'about' },
              checkForUpdates,
              { type: 'separator' },
              preferences,
              { type: 'separator' },
              ...commandLine,
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: 'File',
      submenu: [
        uploadFiles,
        windowItem('Copy Last Links', 'copyAll', actions),
        ...(mac ? [] : [{ type: 'separator' } as const, preferences, { type: 'separator' } as const, ...commandLine]),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        windowItem('Uploads', 'uploads', actions),
        windowItem('History', 'history', actions),
        windowItem('Requests', 'requests', actions),
        { type: 'separator' },
        ...(isPackaged ? [] : ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        windowItem('Keyboard Shortcuts', 'help', actions),
        ...(mac ? [] : [checkForUpdates, { type: 'separator' } as const, { role: 'about' } as const]),
      ],
    },
  ];
}
