import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { UploadItem } from '../../../common/uploads';
import { DEFAULT_DESKTOP_SETTINGS } from '../../../main/desktop/desktop-settings';
import { activityLabel, activityTitle, latestLinks, trayMenuTemplate } from '../../../main/desktop/tray-menu';
import { totalsOf } from './fake-queue';

const item = (n: number, patch: Partial<UploadItem> = {}): UploadItem => ({
  id: `u${n}`,
  profileId: 'p',
  name: `file-${n}.txt`,
  size: 100,
  key: `k${n}`,
  bucket: 'b',
  state: 'completed',
  bytesSent: 100,
  link: { url: `https://b.example/k${n}?sig`, expiresAt: '2030-01-01T00:00:00Z' },
  ...patch,
});

const actions = () => ({
  uploadFiles: vi.fn(),
  copyLink: vi.fn(),
  showWindow: vi.fn(),
  setLaunchAtLogin: vi.fn(),
  setClipboardShortcut: vi.fn(),
  quit: vi.fn(),
});

const click = (menu: MenuItemConstructorOptions[], label: string | RegExp) => {
  const entry = menu.find((e) => (typeof label === 'string' ? e.label === label : label.test(e.label ?? '')));
  if (!entry?.click) throw new Error(`no entry ${String(label)}`);
  (entry.click as () => void)();
};

describe('tray menu', () => {
  it('"Upload files…" and "Quit Signdrop" call their actions', () => {
    const a = actions();
    const menu = trayMenuTemplate(totalsOf([]), [], DEFAULT_DESKTOP_SETTINGS, a);
    click(menu, 'Upload files…');
    click(menu, 'Quit Signdrop');
    expect(a.uploadFiles).toHaveBeenCalledOnce();
    expect(a.quit).toHaveBeenCalledOnce();
  });

  it('lists the five latest links, newest first, and copies one on click', () => {
    const a = actions();
    const items = [1, 2, 3, 4, 5, 6, 7].map((n) => item(n)).concat(item(8, { state: 'failed', link: undefined }));
    const menu = trayMenuTemplate(totalsOf(items), items, DEFAULT_DESKTOP_SETTINGS, a);
    const links = menu.filter((e) => e.label?.startsWith('Copy link'));
    expect(links.map((e) => e.label)).toEqual([7, 6, 5, 4, 3].map((n) => `Copy link: file-${n}.txt`));
    click(menu, 'Copy link: file-7.txt');
    expect(a.copyLink).toHaveBeenCalledWith('https://b.example/k7?sig');
  });

  it('says when there are no links yet', () => {
    const menu = trayMenuTemplate(totalsOf([]), [], DEFAULT_DESKTOP_SETTINGS, actions());
    expect(menu.find((e) => e.label === 'No links yet')).toMatchObject({ enabled: false });
  });

  it('shows the options unticked by default, and a click asks to turn them on', () => {
    const a = actions();
    const menu = trayMenuTemplate(totalsOf([]), [], DEFAULT_DESKTOP_SETTINGS, a);
    expect(menu.find((e) => e.label === 'Launch at login')).toMatchObject({ type: 'checkbox', checked: false });
    expect(menu.find((e) => e.label?.startsWith('Upload clipboard'))).toMatchObject({
      checked: false,
      label: 'Upload clipboard with CommandOrControl+Shift+U',
    });
    click(menu, 'Launch at login');
    click(menu, /^Upload clipboard/);
    expect(a.setLaunchAtLogin).toHaveBeenCalledWith(true);
    expect(a.setClipboardShortcut).toHaveBeenCalledWith(true);
  });

  it('escapes & in file names so Windows does not turn it into a mnemonic', () => {
    const menu = trayMenuTemplate(totalsOf([]), [item(1, { name: 'R&D.pdf' })], DEFAULT_DESKTOP_SETTINGS, actions());
    expect(menu.some((e) => e.label === 'Copy link: R&&D.pdf')).toBe(true);
  });
});

describe('upload activity', () => {
  it("shows the count of unfinished uploads and the queue's progress, or the app name when idle", () => {
    expect(activityLabel(totalsOf([item(1)]))).toBe('Signdrop');
    expect(activityLabel(totalsOf([item(1, { state: 'uploading', bytesSent: 50 }), item(2, { state: 'queued', bytesSent: 0, size: 100 })]))).toBe(
      'Uploading 2 files — 25%',
    );
    expect(activityLabel(totalsOf([item(1, { state: 'uploading', size: 0, bytesSent: 0 })]))).toBe('Uploading 1 file — 0%');
  });

  it("counts finished files' bytes as the window's progress bar does, so both show the same percentage", () => {
    expect(activityLabel(totalsOf([item(1), item(2, { state: 'uploading', bytesSent: 0 })]))).toBe('Uploading 1 file — 50%');
    expect(trayMenuTemplate(totalsOf([item(1, { state: 'paused', bytesSent: 10 })]), [], DEFAULT_DESKTOP_SETTINGS, actions())[0]).toMatchObject({
      label: 'Uploading 1 file — 10%',
      enabled: false,
    });
  });

  it('puts the percentage beside the menu-bar icon only while uploading', () => {
    expect(activityTitle(totalsOf([item(1)]))).toBe('');
    expect(activityTitle(totalsOf([item(1, { state: 'uploading', bytesSent: 40 })]))).toBe('40%');
  });

  it('only completed uploads with a link count as links', () => {
    expect(latestLinks([item(1, { state: 'uploading' }), item(2)])).toEqual([{ name: 'file-2.txt', url: 'https://b.example/k2?sig' }]);
  });
});
