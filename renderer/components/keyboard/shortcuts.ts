/**
 * How the window shows its keyboard shortcuts (common/shortcuts.ts names them, for the app menu
 * too): the shortcuts panel lists them, buttons show them in their tooltips, and
 * `aria-keyshortcuts` tells screen readers. "mod" is Cmd on macOS and Ctrl elsewhere, as in `useShortcuts`.
 */

import type { Shortcut } from '../../../common/shortcuts';

export { SHORTCUTS, type Shortcut } from '../../../common/shortcuts';

/** Keys that act inside the uploads list and dialogs: not global, so listed for reading only. */
export const LIST_KEYS: readonly Shortcut[] = [
  { combo: 'mod+v', does: 'Upload the files or screenshot on the clipboard' },
  { combo: '↑ ↓', does: 'Move between uploads' },
  { combo: 'Home / End', does: 'First or last upload' },
  { combo: 'enter', does: 'Copy the link of the upload in focus' },
  { combo: 'escape', does: 'Close a dialog' },
];

const isMac = (): boolean => /Mac/.test(navigator.platform);

const KEY_NAMES: Readonly<Record<string, string>> = { enter: 'Enter', escape: 'Esc', home: 'Home', end: 'End', shift: 'Shift' };

/** How the combo reads on this OS: "Ctrl+Shift+C" elsewhere, "⌘⇧C" on macOS. */
export function keyLabel(combo: string): string {
  const mac = isMac();
  const parts = combo.split(/\+(?=.)/).map((k) => {
    if (k === 'mod') return mac ? '⌘' : 'Ctrl';
    if (k === 'shift' && mac) return '⇧';
    return KEY_NAMES[k] ?? (k.length === 1 ? k.toUpperCase() : k);
  });
  return parts.join(mac ? '' : '+');
}

/** The `aria-keyshortcuts` value: both modifiers, since the attribute cannot say "whichever this OS uses". */
export function ariaKeys(combo: string): string {
  const keys = combo.replace(/(^|\+)shift(?=\+)/, '$1Shift').replace(/\+(\w)$/, (_, k: string) => `+${k.toUpperCase()}`);
  return ['Control', 'Meta'].map((m) => keys.replace(/^mod/, m)).join(' ');
}

/** A tooltip that names the shortcut: "Copy all links (Ctrl+Shift+C)". */
export const withKeys = (text: string, shortcut: Shortcut): string => `${text} (${keyLabel(shortcut.combo)})`;
