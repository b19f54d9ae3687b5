import { join } from 'node:path';
import { DEFAULT_SETTINGS, StoredSettings, type Settings, type SettingsPatch } from '../../common/settings';
import { loadJson, saveJson } from '../storage/json-file';
import { serialQueue } from '../storage/serial';
import { readDesktopFile, retireDesktopFile } from './desktop-file';

/**
 * Puts a changed set into effect before it is saved (the shell registers the global shortcut,
 * the login item). It answers the set to keep, or throws a SigndropError to refuse the change
 * (a shortcut another app holds), so the caller hears why and nothing half-applied is stored.
 */
export type SettingsApplier = (next: Settings, previous: Settings) => Promise<Settings>;

/**
 * The app's settings in `<dataDir>/settings.json`: read once, then served from memory; each
 * update is merged, applied and written atomically, one at a time, so two quick changes cannot lose one.
 */
export class SettingsStore {
  private readonly file: string;
  private current: Promise<Settings> | undefined;
  private readonly serial = serialQueue();
  private readonly appliers = new Set<SettingsApplier>();
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, 'settings.json');
  }

  /** Every setting, with defaults for what the file does not hold. */
  get(): Promise<Settings> {
    this.current ??= this.load();
    return this.current;
  }

  /** Changes the given settings, keeps the rest, and answers the whole set as saved. */
  set(patch: SettingsPatch): Promise<Settings> {
    return this.serial(async () => {
      const previous = await this.get();
      let next: Settings = { ...previous, ...patch };
      for (const apply of this.appliers) next = await apply(next, previous);
      await saveJson(this.file, next);
      this.current = Promise.resolve(next);
      for (const listener of this.listeners) listener(next);
      return next;
    });
  }

  /** Runs `apply` on every change before it is saved; returns the function that stops it. */
  useApplier(apply: SettingsApplier): () => void {
    this.appliers.add(apply);
    return () => this.appliers.delete(apply);
  }

  /** Tells `listener` the whole set after each saved change, whoever made it; returns its unsubscribe. */
  onChanged(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async load(): Promise<Settings> {
    const { value, problem } = await loadJson(this.file, StoredSettings, {});
    // A damaged file was moved aside by loadJson: say so, and go on with the defaults.
    if (problem) console.warn(`[signdrop] ${problem}`);
    const settings = { ...DEFAULT_SETTINGS, ...value };
    const old = value.launchAtLogin === undefined ? await readDesktopFile(this.dataDir) : undefined;
    if (!old) return settings;
    // Saved here before the old file is set aside, so a crash between the two loses nothing.
    const merged = { ...settings, ...old };
    await saveJson(this.file, merged);
    await retireDesktopFile(this.dataDir);
    return merged;
  }
}
