/**
 * Follows the window's moves and resizes and hands the state to `save`, debounced. The window
 * is passed in (typed, not imported), so this is tested without Electron.
 */
import type { BrowserWindow } from 'electron';
import { debounce } from './rate-limit';
import type { WindowState } from './window-state';

/** A drag or resize emits dozens of events a second; write once the user has let go. */
export const SAVE_QUIET_MS = 500;

export type RememberedWindow = Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized'>;

/** Saves the window's state after each move or resize, and once more as it closes. */
export function rememberWindowState(win: RememberedWindow, save: (state: WindowState) => void): void {
  // The normal (restored) bounds, so a maximized window comes back maximized and un-maximizes to where it was.
  const capture = () => save({ ...win.getNormalBounds(), isMaximized: win.isMaximized() });
  const later = debounce(capture, SAVE_QUIET_MS);
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event as 'resize', later);
  // 'close' comes while the window can still be asked; after 'closed' it cannot.
  win.on('close', () => {
    later.cancel();
    capture();
  });
}
