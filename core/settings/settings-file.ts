import { z } from 'zod';
import { DEFAULT_SETTINGS, Settings } from '../../common/settings';
import { loadJson } from '../storage/json-file';
import type { ReadResult } from '../storage/shared-json-file';

/**
 * The settings file as stored: an object of settings. Keys this version does not know are kept
 * as they are, so a newer app's settings survive an older CLI's write.
 */
export type StoredSettingsFile = Readonly<Record<string, unknown>>;

const AnObject = z.record(z.string(), z.unknown());
const KNOWN = Settings.shape;
const isKnown = (key: string): key is keyof Settings => Object.hasOwn(KNOWN, key);

/** A value as the user would recognise it in the file, kept short. */
const shown = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/**
 * Reads the settings file, checking each setting on its own: a bad value resets that setting to
 * its default (and says which, what it was and why), and the file's other settings stay. A file
 * that is not a JSON object at all is set aside whole, as any damaged data file is.
 */
export async function readSettingsFile(file: string, now?: () => Date): Promise<ReadResult<StoredSettingsFile>> {
  const loaded = await loadJson(file, AnObject, {}, now);
  if (loaded.problem) return loaded;
  const kept: Record<string, unknown> = {};
  const reset: string[] = [];
  for (const [key, value] of Object.entries(loaded.value)) {
    if (!isKnown(key)) {
      kept[key] = value;
      continue;
    }
    const parsed = (KNOWN[key] as z.ZodType).safeParse(value);
    if (parsed.success) kept[key] = parsed.data;
    else
      reset.push(
        `"${key}" was ${shown(value)} (${parsed.error.issues[0]?.message ?? 'not a valid value'}), so it is back to its default, ${shown(DEFAULT_SETTINGS[key])}`,
      );
  }
  if (reset.length === 0) return { value: kept };
  return {
    value: kept,
    problem: `${file} had ${reset.length === 1 ? 'a setting' : `${reset.length} settings`} Signdrop could not use: ${reset.join('; ')}. The other settings were kept.`,
  };
}

/** Every setting: the file's valid ones over the defaults. */
export function settingsOf(stored: StoredSettingsFile): Settings {
  const known = Object.fromEntries(Object.entries(stored).filter(([key]) => isKnown(key)));
  return { ...DEFAULT_SETTINGS, ...known } as Settings;
}
