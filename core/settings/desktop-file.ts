/**
 * Launch at login and the clipboard shortcut were once kept apart, in `desktop.json`, and changed
 * only from the tray. They now live in settings.json with the rest; an old file is read once and
 * kept as `desktop.json.migrated`, so a user who turned them on finds them on after the update.
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Accelerator, type Settings } from '../../common/settings';
import { loadJson } from '../storage/json-file';

const OldDesktopFile = z.object({
  launchAtLogin: z.boolean().optional(),
  clipboardShortcut: z.object({ enabled: z.boolean(), accelerator: Accelerator }).optional(),
});

/** The desktop settings an old `desktop.json` holds; undefined when there is none. */
export async function readDesktopFile(dataDir: string): Promise<Partial<Pick<Settings, 'launchAtLogin' | 'clipboardShortcut'>> | undefined> {
  const { value, problem } = await loadJson(join(dataDir, 'desktop.json'), OldDesktopFile.nullable(), null);
  if (problem) console.warn(`[signdrop] ${problem}`);
  if (!value) return undefined;
  return {
    ...(value.launchAtLogin !== undefined ? { launchAtLogin: value.launchAtLogin } : {}),
    ...(value.clipboardShortcut ? { clipboardShortcut: value.clipboardShortcut } : {}),
  };
}

/** Sets the old file aside once its settings are saved in settings.json. */
export async function retireDesktopFile(dataDir: string): Promise<void> {
  const file = join(dataDir, 'desktop.json');
  await rename(file, `${file}.migrated`);
}
