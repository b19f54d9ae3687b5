/**
 * The application menu: Electron's standard roles (so Cut/Copy/Paste, Undo, Close, Zoom and
 * their shortcuts work the way each OS expects) plus our few commands.
 * https://www.electronjs.org/docs/latest/api/menu-item#roles
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuActions {
  readonly uploadFiles: () => void;
  /** Opens the window's settings view. */
  readonly showSettings: () => void;
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

export function appMenuTemplate({ platform, isPackaged }: AppMenuOptions, actions: AppMenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const uploadFiles: MenuItemConstructorOptions = {
    label: 'Upload Files…',
    accelerator: 'CommandOrControl+O',
    click: () => actions.uploadFiles(),
  };
  // Where each OS puts it: the app menu on macOS (Cmd+,), the File menu elsewhere (Ctrl+,).
  const preferences: MenuItemConstructorOptions = {
    label: mac ? 'Settings…' : 'Preferences…',
    accelerator: 'CommandOrControl+,',
    click: () => actions.showSettings(),
  };
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
        ...(mac ? [] : [preferences, { type: 'separator' } as const, ...commandLine]),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(isPackaged ? [] : ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: mac ? [] : [checkForUpdates, { type: 'separator' }, { role: 'about' }] },
  ];
}
