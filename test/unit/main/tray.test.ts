import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { DEFAULT_DESKTOP_SETTINGS } from '../../../main/desktop/desktop-settings';
import { setupTray } from '../../../main/desktop/tray';
import { FakeQueue, upload } from './fake-queue';

const fake = { menus: [] as MenuItemConstructorOptions[][], tooltips: [] as string[], destroyed: 0 };
// The Electron pieces setupTray receives.
const electron = {
  Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => template },
  Tray: class {
    setToolTip = (text: string) => fake.tooltips.push(text);
    setTitle = vi.fn();
    setContextMenu = (menu: MenuItemConstructorOptions[]) => fake.menus.push(menu);
    destroy = () => fake.destroyed++;
  },
  nativeImage: { createFromPath: () => ({}) },
} as never;

beforeEach(() => {
  vi.useFakeTimers();
  fake.menus = [];
  fake.tooltips = [];
  fake.destroyed = 0;
});
afterEach(() => void vi.useRealTimers());

const actions = { uploadFiles: vi.fn(), showWindow: vi.fn(), copyLink: vi.fn(), setLaunchAtLogin: vi.fn(), setClipboardShortcut: vi.fn(), quit: vi.fn() };

describe('tray', () => {
  it('rebuilds its menu at most twice a second on a stream of progress events, and ends on the final state', () => {
    const queue = new FakeQueue();
    const tray = setupTray(electron, queue, { iconPath: '/nowhere', platform: 'linux', settings: () => DEFAULT_DESKTOP_SETTINGS, actions });
    queue.add(upload('a', { size: 4000 }));
    queue.update('a', { state: 'uploading' });
    for (let sent = 1; sent <= 4000; sent++) {
      queue.update('a', { bytesSent: sent });
      vi.advanceTimersByTime(0.25);
    }
    // The first build, then at most two a second.
    expect(fake.menus.length).toBeLessThanOrEqual(4);
    queue.complete('a');
    vi.advanceTimersByTime(500);
    expect(fake.tooltips.at(-1)).toBe('Signdrop');
    expect(fake.menus.at(-1)?.some((item) => item.label === 'Copy link: a.pdf')).toBe(true);
    tray.dispose();
  });

  it('stops following the queue and removes the icon once disposed', () => {
    const queue = new FakeQueue();
    const tray = setupTray(electron, queue, { iconPath: '/nowhere', platform: 'linux', settings: () => DEFAULT_DESKTOP_SETTINGS, actions });
    queue.add(upload('a'));
    queue.update('a', { state: 'uploading', bytesSent: 500 });
    vi.advanceTimersByTime(500);
    expect(fake.tooltips.at(-1)).toBe('Uploading 1 file — 50%');
    const built = fake.menus.length;
    tray.dispose();
    queue.complete('a');
    vi.advanceTimersByTime(1000);
    expect(fake.menus).toHaveLength(built);
    expect(fake.destroyed).toBe(1);
  });
});
