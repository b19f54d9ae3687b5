import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({ menus: [] as MenuItemConstructorOptions[][], tooltips: [] as string[] }));
vi.mock('electron', () => ({
  Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => template },
  Tray: class {
    setToolTip = (text: string) => fake.tooltips.push(text);
    setTitle = vi.fn();
    setContextMenu = (menu: MenuItemConstructorOptions[]) => fake.menus.push(menu);
    destroy = vi.fn();
  },
  nativeImage: { createFromPath: () => ({}) },
}));

import { DEFAULT_DESKTOP_SETTINGS } from '../../../main/desktop/desktop-settings';
import { createTray } from '../../../main/desktop/tray';
import { FakeQueue, upload } from './fake-queue';

beforeEach(() => {
  vi.useFakeTimers();
  fake.menus = [];
  fake.tooltips = [];
});
afterEach(() => void vi.useRealTimers());

const actions = { uploadFiles: vi.fn(), showWindow: vi.fn(), copyLink: vi.fn(), setLaunchAtLogin: vi.fn(), setClipboardShortcut: vi.fn(), quit: vi.fn() };

describe('tray', () => {
  it('rebuilds its menu at most twice a second on a stream of progress events, and ends on the final state', () => {
    const queue = new FakeQueue();
    const tray = createTray({ iconPath: '/nowhere', items: queue.list, settings: () => DEFAULT_DESKTOP_SETTINGS, actions });
    queue.onChanged(() => tray.refresh());
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
    tray.destroy();
  });
});
