import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { StoredProfile } from '../../common/profile';
import { JsonList } from '../storage/json-list';
import { watchFile } from '../storage/watch-file';
import type { ProfileRecordInput, ProfileSource } from './profile-source';

/** Profiles on disk (everything but secrets), in `<dataDir>/profiles.json`. */
export class ProfileStore implements ProfileSource {
  private readonly records: JsonList<typeof StoredProfile>;
  private readonly file: string;

  /** `onProblem` is told, in words, when the file was corrupt at a read and set aside. */
  constructor(dataDir: string, onProblem?: (file: string, message: string) => void) {
    const file = join(dataDir, 'profiles.json');
    this.file = file;
    this.records = new JsonList(file, 'profiles', StoredProfile, onProblem ? { onProblem: (message) => onProblem(file, message) } : {});
  }

  /** Set when the file was corrupt at load (it was set aside). */
  get loadProblem(): string | undefined {
    return this.records.loadProblem;
  }

  /** Told when profiles.json changed, by this process or another (`signdrop profile add` while the app runs); returns the stop. */
  onChanged(listener: () => void): () => void {
    return watchFile(this.file, listener);
  }

  async list(): Promise<StoredProfile[]> {
    return [...(await this.records.all())];
  }

  async get(id: string): Promise<StoredProfile | undefined> {
    return (await this.records.all()).find((p) => p.id === id);
  }

  /** Profile names are unique, compared without case so "Work" and "work" are not two profiles. */
  async findByName(name: string): Promise<StoredProfile | undefined> {
    const wanted = name.trim().toLowerCase();
    return (await this.records.all()).find((p) => p.name.toLowerCase() === wanted);
  }

  /**
   * Inserts or replaces by id; a profile without an id gets a new one. A replaced profile keeps its
   * place: the first profile is the one the app starts on, and an edit must not change which that is.
   */
  save(input: ProfileRecordInput): Promise<StoredProfile> {
    const profile = StoredProfile.parse({ ...input, id: input.id ?? randomUUID() });
    return this.records.update((all) => {
      const items = all.some((p) => p.id === profile.id) ? all.map((p) => (p.id === profile.id ? profile : p)) : [...all, profile];
      return { items, result: profile };
    });
  }

  remove(id: string): Promise<boolean> {
    return this.records.update((all) => {
      const rest = all.filter((p) => p.id !== id);
      return { items: rest, result: rest.length !== all.length };
    });
  }
}
