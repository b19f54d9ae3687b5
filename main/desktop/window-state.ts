/**
 * The window's size and place, remembered in window-state.json. Electron-free: the displays'
 * work areas are passed in, so the "never off-screen" rule is tested without Electron.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { loadJson, saveJson } from '../../core/storage/json-file';

/** Electron needs whole pixels; a tiny or huge size is a corrupt file, not a window. */
const Pixels = z.number().int().min(-100_000).max(100_000);
export const WindowState = z.object({
  x: Pixels,
  y: Pixels,
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  isMaximized: z.boolean().default(false),
});
export type WindowState = z.output<typeof WindowState>;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Enough of the window on a screen to grab its title bar and drag it back. */
export const MIN_VISIBLE_PX = { width: 100, height: 40 } as const;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** True when a grabbable part of `rect` lies on one of the displays' work areas. */
export function isOnSomeDisplay(rect: Rect, workAreas: readonly Rect[]): boolean {
  const width = Math.min(MIN_VISIBLE_PX.width, rect.width);
  const height = Math.min(MIN_VISIBLE_PX.height, rect.height);
  return workAreas.some((area) => {
    const o = overlap(rect, area);
    return o.width >= width && o.height >= height;
  });
}

/**
 * The saved state, if the window would open where the user can see it; undefined (open with
 * the defaults, centred) when the display it was on is gone or moved.
 */
export function restorableState(saved: WindowState | undefined, workAreas: readonly Rect[]): WindowState | undefined {
  return saved && isOnSomeDisplay(saved, workAreas) ? saved : undefined;
}

/** Reads and writes window-state.json in the app's data folder (atomically: see json-file.ts). */
export class WindowStateFile {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'window-state.json');
  }

  /** The saved state, or undefined when there is none or it was unreadable (then it is moved aside). */
  async load(): Promise<WindowState | undefined> {
    const { value, problem } = await loadJson(this.file, WindowState.nullable(), null);
    if (problem) console.warn(`[signdrop] ${problem}`);
    return value ?? undefined;
  }

  async save(state: WindowState): Promise<void> {
    await saveJson(this.file, state);
  }
}
