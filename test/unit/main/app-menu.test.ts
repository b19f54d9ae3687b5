import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { accelerator, SHORTCUTS } from '../../../common/shortcuts';
import { appMenuTemplate } from '../../../main/desktop/app-menu';

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
const roles = (items: MenuItemConstructorOptions[]) =>
  flatten(items)
    .map((i) => i.role)
    .filter(Boolean);

describe('application menu', () => {
  const actions = () => ({
    uploadFiles: vi.fn(),
    windowShortcut: vi.fn(),
    checkForUpdates: vi.fn(),
    installCommandLine: vi.fn(),
    uninstallCommandLine: vi.fn(),
  });

  it.each(['darwin', 'win32', 'linux'] as const)('on %s has the standard edit, window and zoom roles', (platform) => {
    const menu = appMenuTemplate({ platform, isPackaged: true }, actions());
    expect(roles(menu)).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'about']));
  });

  it('on macOS has the app menu with hide and quit; elsewhere File has quit', () => {
    expect(roles(appMenuTemplate({ platform: 'darwin', isPackaged: true }, actions()))).toEqual(
      expect.arrayContaining(['appMenu', 'hide', 'hideOthers', 'quit', 'close']),
    );
    const win = appMenuTemplate({ platform: 'win32', isPackaged: true }, actions());
    expect(win[0]).toMatchObject({ label: 'File' });
    expect(roles(win)).toContain('quit');
    expect(roles(win)).not.toContain('appMenu');
  });

  it('"Upload Files…" (Ctrl/Cmd+O) and "Check for Updates…" call their actions', () => {
    const a = actions();
    const items = flatten(appMenuTemplate({ platform: 'linux', isPackaged: true }, a));
    const upload = items.find((i) => i.label === 'Upload Files…')!;
    expect(upload.accelerator).toBe('CommandOrControl+O');
    (upload.click as () => void)();
    (items.find((i) => i.label === 'Check for Updates…')!.click as () => void)();
    expect(a.uploadFiles).toHaveBeenCalledOnce();
    expect(a.checkForUpdates).toHaveBeenCalledOnce();
  });

  it('offers reload and developer tools only in development, and updates only when packaged', () => {
    const packaged = flatten(appMenuTemplate({ platform: 'linux', isPackaged: true }, actions()));
    const dev = flatten(appMenuTemplate({ platform: 'linux', isPackaged: false }, actions()));
    expect(packaged.map((i) => i.role)).not.toContain('toggleDevTools');
    expect(dev.map((i) => i.role)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(dev.find((i) => i.label === 'Check for Updates…')).toMatchObject({ enabled: false });
  });

  it('"Install Command Line Tool…" and "Remove…" sit with the settings (the app menu on macOS, File elsewhere), on only when installed', () => {
    const a = actions();
    const labels = (items: MenuItemConstructorOptions[] | undefined) => (items ?? []).map((i) => i.label);
    const mac = appMenuTemplate({ platform: 'darwin', isPackaged: true }, a);
    expect(labels(mac[0]!.submenu as MenuItemConstructorOptions[])).toEqual(
      expect.arrayContaining(['Install Command Line Tool…', 'Remove Command Line Tool…']),
    );
    const linux = appMenuTemplate({ platform: 'linux', isPackaged: true }, a);
    expect(labels(linux[0]!.submenu as MenuItemConstructorOptions[])).toEqual(
      expect.arrayContaining(['Install Command Line Tool…', 'Remove Command Line Tool…']),
    );
    const items = flatten(linux);
    (items.find((i) => i.label === 'Install Command Line Tool…')!.click as () => void)();
    (items.find((i) => i.label === 'Remove Command Line Tool…')!.click as () => void)();
    expect(a.installCommandLine).toHaveBeenCalledOnce();
    expect(a.uninstallCommandLine).toHaveBeenCalledOnce();
    const dev = flatten(appMenuTemplate({ platform: 'linux', isPackaged: false }, a));
    expect(dev.find((i) => i.label === 'Install Command Line Tool…')).toMatchObject({ enabled: false });
  });

  it("lists every one of the window's shortcuts with its keys; a click has the window do it", () => {
    // Ctrl/Cmd+O is "Upload Files…", main's own command: it works with the window closed, as the tray's does.
    const { pickFiles, ...inWindow } = SHORTCUTS;
    expect(pickFiles.combo).toBe('mod+o');
    const a = actions();
    for (const platform of ['darwin', 'linux'] as const) {
      const items = flatten(appMenuTemplate({ platform, isPackaged: true }, a)).filter((i) => i.accelerator && i.registerAccelerator === false);
      expect(items.map((i) => i.accelerator).sort()).toEqual(
        Object.values(inWindow)
          .map((s) => accelerator(s.combo))
          .sort(),
      );
      for (const item of items) (item.click as () => void)();
    }
    expect(a.windowShortcut.mock.calls.map(([name]) => name as string).sort()).toEqual([...Object.keys(inWindow), ...Object.keys(inWindow)].sort());
    const linux = flatten(appMenuTemplate({ platform: 'linux', isPackaged: true }, a));
    expect(linux.find((i) => i.label === 'History')).toMatchObject({ accelerator: 'CommandOrControl+2' });
    expect(linux.find((i) => i.label === 'Copy Last Links')).toMatchObject({ accelerator: 'CommandOrControl+Shift+C' });
    expect(linux.find((i) => i.label === 'Keyboard Shortcuts')).toMatchObject({ accelerator: 'CommandOrControl+/' });
  });
});
