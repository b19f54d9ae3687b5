/**
 * The window's global keyboard shortcuts, named once: the renderer binds them, lists them in its
 * shortcuts panel and tooltips, and main shows them in the app menu, whose entries ask the window
 * to do the same thing ('window:shortcut'). "mod" is Cmd on macOS and Ctrl elsewhere.
 */

export interface Shortcut {
  /** As the renderer matches it: 'mod+shift+c'. */
  readonly combo: string;
  readonly does: string;
}

export const SHORTCUTS = {
  uploads: { combo: 'mod+1', does: 'Show uploads' },
  history: { combo: 'mod+2', does: 'Show link history' },
  requests: { combo: 'mod+3', does: 'Show file requests' },
  settings: { combo: 'mod+,', does: 'Open settings' },
  pickFiles: { combo: 'mod+o', does: 'Choose files to upload' },
  copyAll: { combo: 'mod+shift+c', does: 'Copy the links of the last files added' },
  help: { combo: 'mod+/', does: 'Show keyboard shortcuts' },
} as const satisfies Record<string, Shortcut>;

export type ShortcutName = keyof typeof SHORTCUTS;

/** Electron's accelerator for a combo: 'mod+shift+c' → 'CommandOrControl+Shift+C'. */
export function accelerator(combo: string): string {
  return combo
    .split(/\+(?=.)/)
    .map((key) => (key === 'mod' ? 'CommandOrControl' : key.length === 1 ? key.toUpperCase() : key[0]!.toUpperCase() + key.slice(1)))
    .join('+');
}
