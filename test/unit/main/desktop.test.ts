import type { MenuItemConstructorOptions } from 'electron';
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { lstat, mkdtemp, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron pieces setupDesktop receives: menus are kept as their templates so tests can click them.
const fake = {
  appMenu: [] as MenuItemConstructorOptions[],
  trayMenu: [] as MenuItemConstructorOptions[],
  shortcuts: new Map<string, () => void>(),
  /** Combinations another app holds: registering them fails, as Electron's does. */
  taken: new Set<string>(),
  clipboardText: '',
  notifications: [] as string[],
};
const app = Object.assign(new EventEmitter(), { quit: vi.fn(), isPackaged: false, setLoginItemSettings: vi.fn() });
const electron = {
  app,
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
    register: (accelerator: string, press: () => void) => !fake.taken.has(accelerator) && (fake.shortcuts.set(accelerator, press), true),
    unregister: (accelerator: string) => fake.shortcuts.delete(accelerator),
    isRegistered: (accelerator: string) => fake.shortcuts.has(accelerator),
    unregisterAll: () => fake.shortcuts.clear(),
  },
  clipboard: { read: async () => [{ types: ['text/plain'], getType: async () => new Blob([fake.clipboardText]) }] },
  autoUpdater: () => Object.assign(new EventEmitter(), { checkForUpdates: vi.fn(async () => null), downloadUpdate: vi.fn(), quitAndInstall: vi.fn() }),
} as never;

import type { CliInstallShell } from '../../../main/desktop/cli-install';
import { setupDesktop } from '../../../main/desktop/desktop';
import { DEFAULT_DESKTOP_SETTINGS } from '../../../main/desktop/desktop-settings';
import { SettingsStore } from '../../../core/settings/settings-store';
import type { UploadSource } from '../../../core/uploads/enqueue-sources';
import { FakeQueue, upload } from './fake-queue';

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
const click = (menu: MenuItemConstructorOptions[], label: string | RegExp) => {
  const item = flatten(menu).find((i) => (typeof label === 'string' ? i.label === label : label.test(i.label ?? '')));
  if (!item?.click) throw new Error(`no menu entry ${String(label)}`);
  (item.click as () => void)();
};

let config: string;
/** The settings as saved on disk, read by a fresh store as the next start would. */
const saved = (d: { dataDir: string }) => new SettingsStore(d.dataDir).get();
const deps = (dataDir = mkdtempSync(join(tmpdir(), 'signdrop-desktop-data-'))) => {
  const queue = new FakeQueue();
  queue.add(upload('u1', { name: 'report.pdf', state: 'completed', bytesSent: 1000, link: { url: 'https://b.example/k?sig', expiresAt: '' } }));
  return {
    uploads: queue,
    enqueue: vi.fn(async (_sources: readonly UploadSource[]) => undefined),
    pickPaths: vi.fn(async () => ['/home/ada/a.pdf', '/home/ada/b.pdf']),
    showWindow: vi.fn(),
    mainWindow: () => undefined,
    writeClipboard: vi.fn(),
    dataDir,
    settings: new SettingsStore(dataDir),
    windowShortcut: vi.fn(),
    confirm: vi.fn(async () => false),
    inform: vi.fn(),
    trayDir: '/nowhere',
    commandLine: undefined as CliInstallShell['options'] | undefined,
  };
};

beforeAll(async () => {
  config = await mkdtemp(join(tmpdir(), 'signdrop-desktop-'));
  process.env['XDG_CONFIG_HOME'] = config;
});
afterAll(async () => {
  delete process.env['XDG_CONFIG_HOME'];
  await rm(config, { recursive: true, force: true });
});
beforeEach(() => {
  fake.shortcuts.clear();
  fake.taken.clear();
});

describe('desktop wiring', () => {
  it('"Upload files…" in the tray and the app menu picks files and puts them in the queue', async () => {
    const d = deps();
    await setupDesktop(electron, d);
    click(fake.trayMenu, 'Upload files…');
    click(fake.appMenu, 'Upload Files…');
    await vi.waitFor(() => expect(d.enqueue).toHaveBeenCalledTimes(2));
    expect(d.pickPaths).toHaveBeenCalledTimes(2);
    const picked = [{ path: '/home/ada/a.pdf' }, { path: '/home/ada/b.pdf' }];
    expect(d.enqueue.mock.calls).toEqual([[picked], [picked]]);
  });

  it('a last link in the tray copies it; Quit quits', async () => {
    const d = deps();
    await setupDesktop(electron, d);
    click(fake.trayMenu, 'Copy link: report.pdf');
    click(fake.trayMenu, 'Quit Signdrop');
    expect(d.writeClipboard).toHaveBeenCalledWith('https://b.example/k?sig');
    expect(app.quit).toHaveBeenCalled();
  });

  it('registers no global shortcut until the user turns it on; then it uploads the clipboard', async () => {
    const d = deps();
    await setupDesktop(electron, d);
    expect(fake.shortcuts.size).toBe(0);
    click(fake.trayMenu, /^Upload clipboard/);
    await vi.waitFor(async () => expect((await saved(d)).clipboardShortcut.enabled).toBe(true));
    fake.clipboardText = 'meeting notes';
    fake.shortcuts.get('CommandOrControl+Shift+U')!();
    await vi.waitFor(() => expect(d.enqueue).toHaveBeenCalled());
    // The text goes to the queue as a named file's bytes; core keeps them as a file (enqueue-sources.test.ts).
    const sources = d.enqueue.mock.calls[0]?.[0];
    expect(sources).toEqual([{ name: expect.stringMatching(/^clipboard-.*\.txt$/), bytes: new TextEncoder().encode('meeting notes') }]);
  });

  it('turning on launch at login is remembered and installs the login entry', async () => {
    const d = deps();
    await setupDesktop(electron, d);
    click(fake.trayMenu, 'Launch at login');
    await vi.waitFor(async () => expect((await saved(d)).launchAtLogin).toBe(true));
    expect(await readFile(join(config, 'autostart', 'signdrop.desktop'), 'utf8')).toContain('--hidden');
  });

  it('a finished batch is told with a notification and shows on the taskbar while it runs', async () => {
    const queue = new FakeQueue();
    const win = { isFocused: () => true, setProgressBar: vi.fn() };
    fake.notifications = [];
    await setupDesktop(electron, { ...deps(), uploads: queue, mainWindow: () => win });
    queue.add(upload('a'), upload('b'));
    queue.update('a', { state: 'uploading', bytesSent: 500 });
    await vi.waitFor(() => expect(win.setProgressBar).toHaveBeenCalledWith(0.25, { mode: 'normal' }));
    queue.update('b', { state: 'uploading' });
    queue.complete('a');
    queue.complete('b');
    expect(fake.notifications).toEqual(['2 files uploaded — links ready']);
    await vi.waitFor(() => expect(win.setProgressBar).toHaveBeenLastCalledWith(-1, { mode: 'none' }));
  });

  it('resolves to the function that ends its subscriptions to the queue and releases the shortcut (called on quit)', async () => {
    const queue = new FakeQueue();
    const win = { isFocused: () => false, setProgressBar: vi.fn() };
    const dir = await mkdtemp(join(tmpdir(), 'signdrop-desktop-data-'));
    const on = { clipboardShortcut: { ...DEFAULT_DESKTOP_SETTINGS.clipboardShortcut, enabled: true } };
    await writeFile(join(dir, 'settings.json'), JSON.stringify(on));
    const stop = await setupDesktop(electron, { ...deps(dir), uploads: queue, mainWindow: () => win });
    expect(queue.subscribers()).toBeGreaterThan(0);
    expect(fake.shortcuts.size).toBe(1);
    stop();
    expect(queue.subscribers()).toBe(0);
    expect(fake.shortcuts.size).toBe(0);
    fake.notifications = [];
    queue.add(upload('a'));
    queue.update('a', { state: 'uploading' });
    queue.complete('a');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.notifications).toEqual([]);
    expect(win.setProgressBar).not.toHaveBeenCalled();
  });

  it('"Check for Updates…" is there but off in an app that is not installed', async () => {
    await setupDesktop(electron, deps());
    expect(flatten(fake.appMenu).find((i) => i.label === 'Check for Updates…')).toMatchObject({ enabled: false });
  });

  it('a change made in the window registers the shortcut, and the tray shows it checked', async () => {
    const d = deps();
    await setupDesktop(electron, d);
    await d.settings.set({ clipboardShortcut: { enabled: true, accelerator: 'Control+Alt+K' } });
    expect([...fake.shortcuts.keys()]).toEqual(['Control+Alt+K']);
    await vi.waitFor(() => expect(flatten(fake.trayMenu).find((i) => i.label === 'Upload clipboard with Control+Alt+K')).toMatchObject({ checked: true }));
  });

  it('a shortcut another app holds is refused with words, nothing is saved, and the old one keeps working', async () => {
    const d = deps();
    await setupDesktop(electron, d);
    await d.settings.set({ clipboardShortcut: { enabled: true, accelerator: 'Control+Alt+K' } });
    fake.taken.add('Control+Alt+J');
    await expect(d.settings.set({ clipboardShortcut: { enabled: true, accelerator: 'Control+Alt+J' } })).rejects.toThrow(
      'Control+Alt+J is already used by another app; choose another shortcut.',
    );
    expect((await saved(d)).clipboardShortcut.accelerator).toBe('Control+Alt+K');
    expect([...fake.shortcuts.keys()]).toEqual(['Control+Alt+K']);
  });

  it('"Preferences…" in the app menu (Ctrl+,) opens the settings view', async () => {
    const d = deps();
    await setupDesktop(electron, d);
    const item = flatten(fake.appMenu).find((i) => i.label === 'Preferences…')!;
    expect(item.accelerator).toBe('CommandOrControl+,');
    (item.click as () => void)();
    expect(d.windowShortcut).toHaveBeenCalledExactlyOnceWith('settings');
  });

  it('"Install Command Line Tool…" links the shipped launcher into ~/.local/bin, asks before replacing another, and removes its own', async () => {
    const home = await mkdtemp(join(tmpdir(), 'signdrop-desktop-home-'));
    const link = join(home, '.local', 'bin', 'signdrop');
    const launcher = '/opt/Signdrop/resources/bin/signdrop';
    const run = vi.fn(async () => '');
    const d = { ...deps(), commandLine: { platform: 'linux' as const, home, env: { PATH: join(home, '.local', 'bin') }, launcher, run } };
    await setupDesktop(electron, d);
    click(fake.appMenu, 'Install Command Line Tool…');
    await vi.waitFor(() =>
      expect(d.inform).toHaveBeenCalledWith('The signdrop command is installed in ~/.local/bin: open a new terminal and run signdrop --help.'),
    );
    expect(await readlink(link)).toBe(launcher);

    await rm(link);
    await symlink('/usr/bin/true', link);
    click(fake.appMenu, 'Install Command Line Tool…');
    await vi.waitFor(() => expect(d.confirm).toHaveBeenCalledWith('Replace the signdrop in ~/.local/bin?', expect.stringContaining('/usr/bin/true')));
    // The fake's confirm answers no: the other signdrop stays, and Remove leaves it alone too.
    expect(await readlink(link)).toBe('/usr/bin/true');
    click(fake.appMenu, 'Remove Command Line Tool…');
    await vi.waitFor(() => expect(d.inform).toHaveBeenLastCalledWith(expect.stringContaining("not this app's command")));
    expect(await readlink(link)).toBe('/usr/bin/true');

    d.confirm.mockResolvedValueOnce(true);
    click(fake.appMenu, 'Install Command Line Tool…');
    await vi.waitFor(async () => expect(await readlink(link)).toBe(launcher));
    click(fake.appMenu, 'Remove Command Line Tool…');
    await vi.waitFor(() => expect(d.inform).toHaveBeenLastCalledWith('The signdrop command was removed from ~/.local/bin.'));
    await expect(lstat(link)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(run).not.toHaveBeenCalled();
  });
});
