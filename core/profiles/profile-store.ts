import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { StoredProfile } from '../../common/profile';
import { SigndropError } from '../../common/result';
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

  /** Profile names are unique, compared without case so "Work" and "work" are not two profiles. */
  async findByName(name: string): Promise<StoredProfile | undefined> {
    const wanted = name.trim().toLowerCase();
    return (await this.load()).find((p) => p.name.toLowerCase() === wanted);
  }

  /** Inserts or replaces by id; a profile without an id gets a new one. */
  save(input: Omit<z.input<typeof StoredProfile>, 'id'> & { id?: string }): Promise<StoredProfile> {
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
      const loaded = await loadJson(this.file, ProfilesFile, { version: 1, profiles: [] }).catch((e: unknown) => {
        // Unreadable (permissions, a folder in its place): nothing to set aside, and nothing may overwrite it.
        throw SigndropError.of('file-unreadable', `The profiles file ${this.file} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Fix its permissions and retry.`);
      });
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
