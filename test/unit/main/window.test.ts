import { describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => [] as { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }[]);
vi.mock('electron', () => ({
  BrowserWindow: class {
    loadURL = vi.fn(async () => undefined);
    once = vi.fn();
    show = vi.fn();
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
  });
});
