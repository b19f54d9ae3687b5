/**
 * The shell's own preferences (not the engine's): launch at login and the clipboard shortcut.
 * Both are off until the user turns them on.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { loadJson, saveJson } from '../../core/storage/json-file';

/** Ctrl+Shift+U (Cmd on macOS): U for upload, and rarely taken by other apps. */
export const DEFAULT_CLIPBOARD_ACCELERATOR = 'CommandOrControl+Shift+U';

export const DesktopSettings = z.object({
  launchAtLogin: z.boolean().default(false),
  clipboardShortcut: z
    .object({
      enabled: z.boolean().default(false),
      accelerator: z.string().min(1).max(100).default(DEFAULT_CLIPBOARD_ACCELERATOR),
    })
    .default({ enabled: false, accelerator: DEFAULT_CLIPBOARD_ACCELERATOR }),
});
export type DesktopSettings = z.output<typeof DesktopSettings>;

export const DEFAULT_DESKTOP_SETTINGS: DesktopSettings = DesktopSettings.parse({});

/** Reads and writes desktop.json in the app's data folder. */
export class DesktopSettingsFile {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'desktop.json');
  }

  async load(): Promise<DesktopSettings> {
    const { value, problem } = await loadJson(this.file, DesktopSettings, DEFAULT_DESKTOP_SETTINGS);
    if (problem) console.warn(`[signdrop] ${problem}`);
    return value;
  }

  async save(settings: DesktopSettings): Promise<void> {
    await saveJson(this.file, settings);
  }
}
