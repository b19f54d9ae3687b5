import type { MenuItemConstructorOptions } from 'electron';
import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  appMenu: [] as MenuItemConstructorOptions[],
  trayMenu: [] as MenuItemConstructorOptions[],
  shortcuts: new Map<string, () => void>(),
  clipboardText: '',
  notifications: [] as string[],
  tempDir: '',
  app: null as unknown as { quit: ReturnType<typeof vi.fn>; isPackaged: boolean; getPath: () => string },
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  fake.app = Object.assign(new Emitter(), { quit: vi.fn(), isPackaged: false, getPath: () => fake.tempDir, setLoginItemSettings: vi.fn() });
  return {
    app: fake.app,
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
      setApplicationMenu: (menu: MenuItemConstructorOptions[]) => (fake.appMenu = menu),
    },
    Tray: class {
      setToolTip = vi.fn();
      setContextMenu = (menu: MenuItemConstructorOptions[]) => (fake.trayMenu = menu);
      destroy = vi.fn();
    },
    nativeImage: { createFromPath: () => ({}) },
    Notification: class {
      static isSupported = () => true;
      constructor(readonly options: { title: string }) {}
      on = vi.fn();
      show() {
        fake.notifications.push(this.options.title);
      }
    },
    globalShortcut: {
      register: (accelerator: string, press: () => void) => (fake.shortcuts.set(accelerator, press), true),
      unregister: (accelerator: string) => fake.shortcuts.delete(accelerator),
      isRegistered: (accelerator: string) => fake.shortcuts.has(accelerator),
      unregisterAll: () => fake.shortcuts.clear(),
    },
    clipboard: { read: async () => [{ types: ['text/plain'], getType: async () => new Blob([fake.clipboardText]) }] },
  };
});
vi.mock('electron-updater', () => ({
  autoUpdater: Object.assign(new EventEmitter(), { checkForUpdates: vi.fn(async () => null), downloadUpdate: vi.fn(), quitAndInstall: vi.fn() }),
}));

import { setupDesktop } from '../../../main/desktop/desktop';
import { DEFAULT_DESKTOP_SETTINGS, type DesktopSettings } from '../../../main/desktop/desktop-settings';
import { FakeQueue, upload } from './fake-queue';

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
const click = (menu: MenuItemConstructorOptions[], label: string | RegExp) => {
  const item = flatten(menu).find((i) => (typeof label === 'string' ? i.label === label : label.test(i.label ?? '')));
  if (!item?.click) throw new Error(`no menu entry ${String(label)}`);
  (item.click as () => void)();
};

let config: string;
let saved: DesktopSettings[];
const deps = () => {
  const completed = { id: 'u1', name: 'report.pdf', size: 1, key: 'k', bucket: 'b', state: 'completed', bytesSent: 1, link: { url: 'https://b.example/k?sig', expiresAt: '' } };
  return {
    core: { uploads: { list: () => [completed], onChanged: vi.fn(() => () => true) } } as never,
    enqueuePaths: vi.fn(async () => ({ ok: true as const, value: [] })),
    pickPaths: vi.fn(async () => ['/home/ada/a.pdf', '/home/ada/b.pdf']),
    showWindow: vi.fn(),
    mainWindow: () => undefined,
    writeClipboard: vi.fn(),
    settingsFile: { load: async () => DEFAULT_DESKTOP_SETTINGS, save: async (s: DesktopSettings) => void saved.push(s) } as never,
    confirm: vi.fn(async () => false),
    inform: vi.fn(),
    trayDir: '/nowhere',
  };
};

beforeAll(async () => {
  config = await mkdtemp(join(tmpdir(), 'signdrop-desktop-'));
  fake.tempDir = config;
  process.env['XDG_CONFIG_HOME'] = config;
});
afterAll(async () => {
  delete process.env['XDG_CONFIG_HOME'];
  await rm(config, { recursive: true, force: true });
});
beforeEach(() => {
  saved = [];
  fake.shortcuts.clear();
});

describe('desktop wiring', () => {
  it('"Upload files…" in the tray and the app menu picks files and puts them in the queue', async () => {
    const d = deps();
    await setupDesktop(d);
    click(fake.trayMenu, 'Upload files…');
    click(fake.appMenu, 'Upload Files…');
    await vi.waitFor(() => expect(d.enqueuePaths).toHaveBeenCalledTimes(2));
    expect(d.pickPaths).toHaveBeenCalledTimes(2);
    expect(d.enqueuePaths.mock.calls).toEqual([[['/home/ada/a.pdf', '/home/ada/b.pdf']], [['/home/ada/a.pdf', '/home/ada/b.pdf']]]);
  });

  it('a last link in the tray copies it; Quit quits', async () => {
    const d = deps();
    await setupDesktop(d);
    click(fake.trayMenu, 'Copy link: report.pdf');
    click(fake.trayMenu, 'Quit Signdrop');
    expect(d.writeClipboard).toHaveBeenCalledWith('https://b.example/k?sig');
    expect(fake.app.quit).toHaveBeenCalled();
  });

  it('registers no global shortcut until the user turns it on; then it uploads the clipboard', async () => {
    const d = deps();
    await setupDesktop(d);
    expect(fake.shortcuts.size).toBe(0);
    click(fake.trayMenu, /^Upload clipboard/);
    await vi.waitFor(() => expect(saved.at(-1)?.clipboardShortcut.enabled).toBe(true));
    fake.clipboardText = 'meeting notes';
    fake.shortcuts.get('CommandOrControl+Shift+U')!();
    await vi.waitFor(() => expect(d.enqueuePaths).toHaveBeenCalled());
    const [[paths]] = d.enqueuePaths.mock.calls as unknown as [[string[]]];
    expect(paths[0]!.startsWith(join(config, 'signdrop-clipboard'))).toBe(true);
    expect(await readFile(paths[0]!, 'utf8')).toBe('meeting notes');
  });

  it('turning on launch at login is remembered and installs the login entry', async () => {
    const d = deps();
    await setupDesktop(d);
    click(fake.trayMenu, 'Launch at login');
    await vi.waitFor(() => expect(saved.at(-1)?.launchAtLogin).toBe(true));
    expect(await readFile(join(config, 'autostart', 'signdrop.desktop'), 'utf8')).toContain('--hidden');
  });

  it('a finished batch is told with a notification and shows on the taskbar while it runs', async () => {
    const queue = new FakeQueue();
    const win = { isFocused: () => true, setProgressBar: vi.fn() };
    fake.notifications = [];
    await setupDesktop({ ...deps(), core: { uploads: queue } as never, mainWindow: () => win });
    queue.add(upload('a'), upload('b'));
    queue.update('a', { state: 'uploading', bytesSent: 500 });
    await vi.waitFor(() => expect(win.setProgressBar).toHaveBeenCalledWith(0.25, { mode: 'normal' }));
    queue.update('b', { state: 'uploading' });
    queue.complete('a');
    queue.complete('b');
    expect(fake.notifications).toEqual(['2 files uploaded — links ready']);
    await vi.waitFor(() => expect(win.setProgressBar).toHaveBeenLastCalledWith(-1, { mode: 'none' }));
  });

  it('"Check for Updates…" is there but off in an app that is not installed', async () => {
    await setupDesktop(deps());
    expect(flatten(fake.appMenu).find((i) => i.label === 'Check for Updates…')).toMatchObject({ enabled: false });
  });
});
