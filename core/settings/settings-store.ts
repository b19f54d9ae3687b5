import { join } from 'node:path';
import { DEFAULT_SETTINGS, StoredSettings, type Settings, type SettingsPatch } from '../../common/settings';
import { loadJson, saveJson } from '../storage/json-file';
import { serialQueue } from '../storage/serial';

/**
 * The app's settings in `<dataDir>/settings.json`: read once, then served from memory; each
 * update is merged and written atomically, one at a time, so two quick changes cannot lose one.
 */
export class SettingsStore {
  private readonly file: string;
  private current: Promise<Settings> | undefined;
  private readonly serial = serialQueue();

  constructor(dataDir: string) {
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
      const next: Settings = { ...(await this.get()), ...patch };
      await saveJson(this.file, next);
      this.current = Promise.resolve(next);
      return next;
    });
  }

  private async load(): Promise<Settings> {
    const { value, problem } = await loadJson(this.file, StoredSettings, {});
    // A damaged file was moved aside by loadJson: say so, and go on with the defaults.
    if (problem) console.warn(`[signdrop] ${problem}`);
    return { ...DEFAULT_SETTINGS, ...value };
  }
}
