import { join } from 'node:path';
import type { Settings, SettingsPatch } from '../../common/settings';
import { SharedJsonFile } from '../storage/shared-json-file';
import { watchFile } from '../storage/watch-file';
import { readDesktopFile, retireDesktopFile } from './desktop-file';
import { readSettingsFile, settingsOf, type StoredSettingsFile } from './settings-file';

/**
 * Puts a changed set into effect before it is saved (the shell registers the global shortcut,
 * the login item). It answers the set to keep, or throws a SigndropError to refuse the change
 * (a shortcut another app holds), so the caller hears why and nothing half-applied is stored.
 */
export type SettingsApplier = (next: Settings, previous: Settings) => Promise<Settings>;

export interface SettingsStoreOptions {
  /** Told, in words, when the file had to be set aside or a setting reset (the CLI prints it; the app logs it). */
  readonly warn?: (message: string) => void;
}

/**
 * The app's settings in `<dataDir>/settings.json`, shared with the CLI (`signdrop profile default`
 * writes it while the app runs): read again whenever the other process replaced the file, and each
 * update merged into what the file holds under its lock, so two processes changing different
 * settings at once both keep their change. A setting with a bad value is reset alone, and said.
 */
export class SettingsStore {
  private readonly file: SharedJsonFile<StoredSettingsFile>;
  private readonly appliers = new Set<SettingsApplier>();
  private readonly listeners = new Set<(settings: Settings) => void>();
  private readonly warn: (message: string) => void;
  /** The stored object the last read or write gave: a different one means another process changed the file. */
  private seen: StoredSettingsFile | undefined;
  private migrated: Promise<void> | undefined;
  private stopWatching: (() => void) | undefined;

  constructor(
    private readonly dataDir: string,
    options: SettingsStoreOptions = {},
  ) {
    this.file = new SharedJsonFile(join(dataDir, 'settings.json'), (f) => readSettingsFile(f));
    this.warn = options.warn ?? ((message) => console.warn(`[signdrop] ${message}`));
  }

  /** Set when the file had to be set aside or a setting reset at a read, in words. */
  get loadProblem(): string | undefined {
    return this.file.loadProblem;
  }

  /** Every setting, with defaults for what the file does not hold (read again if another process changed it). */
  async get(): Promise<Settings> {
    this.migrated ??= this.takeOverDesktopFile();
    await this.migrated;
    return settingsOf(await this.read());
  }

  /** Changes the given settings, keeps the rest, and answers the whole set as saved. */
  set(patch: SettingsPatch): Promise<Settings> {
    return this.update(() => patch);
  }

  /**
   * Changes settings computed from the current set as the file holds it under the lock: for a change
   * that builds on a value (one more entry in `uploadModes`), so another process's change meanwhile is kept.
   */
  async update(change: (current: Settings) => SettingsPatch): Promise<Settings> {
    await this.get();
    const saved = await this.file.update(async (stored) => {
      const previous = settingsOf(stored);
      let next: Settings = { ...previous, ...change(previous) };
      for (const apply of this.appliers) next = await apply(next, previous);
      return { value: { ...stored, ...next }, result: next };
    });
    this.seen = await this.file.current();
    for (const listener of this.listeners) listener(saved);
    return saved;
  }

  /** Runs `apply` on every change before it is saved; returns the function that stops it. */
  useApplier(apply: SettingsApplier): () => void {
    this.appliers.add(apply);
    return () => this.appliers.delete(apply);
  }

  /**
   * Tells `listener` the whole set after each saved change, whoever made it: while someone listens the
   * file is watched, so a change another process made (`signdrop profile default`) is heard as soon as
   * it is saved; returns its unsubscribe.
   */
  onChanged(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    // The read that follows a change tells the listeners, if the file holds another process's change.
    this.stopWatching ??= watchFile(this.file.file, () => void this.get().catch((e: unknown) => this.warn((e as Error).message)));
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.stopWatching?.();
      this.stopWatching = undefined;
    };
  }

  private async read(): Promise<StoredSettingsFile> {
    const problems = this.file.problems;
    const stored = await this.file.current();
    if (stored === this.seen) return stored;
    const changedElsewhere = this.seen !== undefined;
    this.seen = stored;
    if (this.file.problems !== problems && this.file.loadProblem) {
      this.warn(this.file.loadProblem);
      // The bad values are written out of the file, so the next start (or the other process) is not told again.
      await this.file.update((current) => ({ value: current, result: undefined }));
      this.seen = await this.file.current();
    }
    if (changedElsewhere) for (const listener of this.listeners) listener(settingsOf(stored));
    return this.seen;
  }

  /** An older `desktop.json` is read once into the settings: saved here before the old file is set aside, so a crash loses nothing. */
  private async takeOverDesktopFile(): Promise<void> {
    if ((await this.read())['launchAtLogin'] !== undefined) return;
    const old = await readDesktopFile(this.dataDir);
    if (!old) return;
    await this.file.update((stored) => ({ value: { ...settingsOf(stored), ...stored, ...old }, result: undefined }));
    this.seen = await this.file.current();
    await retireDesktopFile(this.dataDir);
  }
}
