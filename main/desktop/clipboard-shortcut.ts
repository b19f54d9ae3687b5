/**
 * The optional global shortcut that uploads what is on the clipboard. Off by default: a
 * global shortcut takes a key combination from every other app.
 * https://www.electronjs.org/docs/latest/api/global-shortcut
 */
import type { GlobalShortcut } from 'electron';
import { fail, ok, type Result } from '../../common/result';

export interface ShortcutSetting {
  readonly enabled: boolean;
  readonly accelerator: string;
}

/**
 * Registers (or, when disabled, releases) the shortcut. Returns an error the user can act on
 * when another app already holds the combination.
 */
export function applyClipboardShortcut(
  shortcuts: Pick<GlobalShortcut, 'register' | 'unregister' | 'isRegistered'>,
  previous: ShortcutSetting | undefined,
  next: ShortcutSetting,
  onPress: () => void,
): Result<null> {
  if (previous?.enabled && shortcuts.isRegistered(previous.accelerator)) shortcuts.unregister(previous.accelerator);
  if (!next.enabled) return ok(null);
  let registered: boolean;
  try {
    registered = shortcuts.register(next.accelerator, onPress);
  } catch {
    return fail('invalid-input', `"${next.accelerator}" is not a key combination Electron understands.`);
  }
  return registered ? ok(null) : fail('invalid-input', `${next.accelerator} is already used by another app; choose another shortcut.`);
}
