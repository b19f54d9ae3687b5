import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { StoredProfile } from '../../common/profile';
import { loadJson, saveJson } from '../storage/json-file';

const ProfilesFile = z.object({ version: z.literal(1), profiles: z.array(StoredProfile) });

/**
 * Profiles on disk (everything but secrets), in `<dataDir>/profiles.json`.
 * Writes are serialised so two saves cannot interleave and lose one.
 */
export class ProfileStore {
  private readonly file: string;
  private profiles: StoredProfile[] | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  /** Set when the file was corrupt at load; the UI shows it once. */
  loadProblem: string | undefined;

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, 'profiles.json');
  }

  async list(): Promise<StoredProfile[]> {
    return [...(await this.load())];
  }

  async get(id: string): Promise<StoredProfile | undefined> {
    return (await this.load()).find((p) => p.id === id);
  }

  /** Inserts or replaces by id; a profile without an id gets a new one. */
  save(input: Omit<StoredProfile, 'id'> & { id?: string }): Promise<StoredProfile> {
    return this.serial(async () => {
      const profile = StoredProfile.parse({ ...input, id: input.id ?? randomUUID() });
      const rest = (await this.load()).filter((p) => p.id !== profile.id);
      await this.write([...rest, profile]);
      return profile;
    });
  }

  remove(id: string): Promise<boolean> {
    return this.serial(async () => {
      const all = await this.load();
      const rest = all.filter((p) => p.id !== id);
      if (rest.length === all.length) return false;
      await this.write(rest);
      return true;
    });
  }

  private async load(): Promise<StoredProfile[]> {
    if (!this.profiles) {
      const loaded = await loadJson(this.file, ProfilesFile, { version: 1, profiles: [] });
      this.loadProblem = loaded.problem;
      this.profiles = loaded.value.profiles;
    }
    return this.profiles;
  }

  private async write(profiles: StoredProfile[]): Promise<void> {
    await mkdir(this.dataDir, { recursive: true });
    await saveJson(this.file, { version: 1, profiles });
    this.profiles = profiles;
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task, task);
    this.chain = run.catch(() => undefined);
    return run;
  }
}
