import { describe, expect, it, vi } from 'vitest';

type FakeWindow = { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn>; ready: () => void; calls: string[] };
const created = vi.hoisted(() => [] as FakeWindow[]);
vi.mock('electron', () => ({
  BrowserWindow: class {
    loadURL = vi.fn(async () => undefined);
    ready: () => void = () => undefined;
    calls: string[] = [];
    once = (event: string, listener: () => void) => {
      if (event === 'ready-to-show') this.ready = listener;
    };
    show = () => this.calls.push('show');
    maximize = () => this.calls.push('maximize');
    constructor(readonly options: Record<string, unknown>) {
      created.push(this);
    }
  },
}));

import { createMainWindow } from '../../../main/window';
import { secureWebPreferences } from '../../../main/security';

describe('createMainWindow', () => {
  it('opens the app page with the secure webPreferences and the built preload', () => {
    createMainWindow('app://signdrop/', { show: true });
    const [win] = created;
    const prefs = win!.options['webPreferences'] as ReturnType<typeof secureWebPreferences>;
    expect(prefs).toEqual(secureWebPreferences(prefs.preload!));
    expect(prefs.preload).toMatch(/preload[\\/]index\.js$/);
    expect(win!.loadURL).toHaveBeenCalledWith('app://signdrop/');
    expect(win!.options).toMatchObject({ width: 960, height: 720 });
  });

  it('opens where the user left it, maximized if it was', () => {
    createMainWindow('app://signdrop/', { show: true, state: { x: 1500, y: 40, width: 1200, height: 800, isMaximized: true } });
    const win = created.at(-1)!;
    expect(win.options).toMatchObject({ x: 1500, y: 40, width: 1200, height: 800 });
    win.ready();
    expect(win.calls).toEqual(['maximize', 'show']);
  });
});
