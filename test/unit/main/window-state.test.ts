import { EventEmitter } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { rememberWindowState, SAVE_QUIET_MS, type RememberedWindow } from '../../../main/desktop/remember-window';
import { isOnSomeDisplay, restorableState, WindowStateFile, type WindowState } from '../../../main/desktop/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
// A second monitor to the right of the laptop.
const monitor = { x: 1440, y: 0, width: 2560, height: 1415 };
const placed = (x: number, y: number, patch: Partial<WindowState> = {}): WindowState => ({ x, y, width: 960, height: 720, isMaximized: false, ...patch });

describe('where the window opens', () => {
  it('where the user left it, on any current display', () => {
    expect(restorableState(placed(100, 80), [laptop])).toEqual(placed(100, 80));
    expect(restorableState(placed(2000, 200, { isMaximized: true }), [laptop, monitor])).toEqual(placed(2000, 200, { isMaximized: true }));
  });

  it('not off-screen when the monitor it was on is unplugged', () => {
    expect(restorableState(placed(2000, 200), [laptop])).toBeUndefined();
    expect(restorableState(placed(-3000, 0), [laptop, monitor])).toBeUndefined();
  });

  it('not where only a sliver could be grabbed', () => {
    // 60 px of the window left on the laptop: too little of the title bar to drag it back.
    expect(isOnSomeDisplay(placed(1440 - 60, 100), [laptop])).toBe(false);
    expect(isOnSomeDisplay(placed(1440 - 200, 100), [laptop])).toBe(true);
    expect(isOnSomeDisplay(placed(100, 875 - 20), [laptop])).toBe(false);
  });

  it('with the defaults when nothing was saved', () => {
    expect(restorableState(undefined, [laptop])).toBeUndefined();
  });
});

describe('window-state.json', () => {
  let dir: string;
  beforeEach(async () => void (dir = await mkdtemp(join(tmpdir(), 'signdrop-window-'))));
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('keeps the state between runs', async () => {
    const file = new WindowStateFile(dir);
    expect(await file.load()).toBeUndefined();
    await file.save(placed(10, 20, { isMaximized: true }));
    expect(await new WindowStateFile(dir).load()).toEqual(placed(10, 20, { isMaximized: true }));
  });

  it('a corrupt file opens the window with the defaults and is kept aside', async () => {
    await writeFile(join(dir, 'window-state.json'), '{"x": "left"');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await new WindowStateFile(dir).load()).toBeUndefined();
    warn.mockRestore();
    expect((await readdir(dir)).some((name) => name.startsWith('window-state.json.corrupt-'))).toBe(true);
  });
});

describe('remembering the window', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  const fakeWindow = () => {
    const state = { bounds: { x: 0, y: 0, width: 960, height: 720 }, maximized: false };
    const win = Object.assign(new EventEmitter(), {
      getNormalBounds: () => state.bounds,
      isMaximized: () => state.maximized,
    });
    return { win, state, asWindow: win as unknown as RememberedWindow };
  };

  it('saves once the user stops dragging, and on close', () => {
    const { win, state, asWindow } = fakeWindow();
    const save = vi.fn();
    rememberWindowState(asWindow, save);
    for (let x = 0; x < 300; x += 5) {
      state.bounds = { ...state.bounds, x };
      win.emit('move');
      vi.advanceTimersByTime(16);
    }
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(SAVE_QUIET_MS);
    expect(save).toHaveBeenCalledExactlyOnceWith({ x: 295, y: 0, width: 960, height: 720, isMaximized: false });
    state.maximized = true;
    win.emit('maximize');
    win.emit('close');
    expect(save).toHaveBeenLastCalledWith({ x: 295, y: 0, width: 960, height: 720, isMaximized: true });
    vi.advanceTimersByTime(SAVE_QUIET_MS);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('writes a state that the next start reads back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'signdrop-window-'));
    const file = new WindowStateFile(dir);
    const { win, asWindow } = fakeWindow();
    const saves: Promise<void>[] = [];
    rememberWindowState(asWindow, (s) => saves.push(file.save(s)));
    win.emit('close');
    await Promise.all(saves);
    expect(JSON.parse(await readFile(join(dir, 'window-state.json'), 'utf8'))).toEqual(placed(0, 0));
    await rm(dir, { recursive: true, force: true });
  });
});
