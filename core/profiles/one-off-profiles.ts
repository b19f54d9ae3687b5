import { randomUUID } from 'node:crypto';
import { StoredProfile } from '../../common/profile';
import type { ProfileRecordInput, ProfileSource } from './profile-source';

/**
 * One profile kept in memory for one command: built from the command line's --endpoint/--bucket,
 * or a saved profile with the command line's fields over it. Nothing reaches the profiles file.
 */
export class OneOffProfiles implements ProfileSource {
  readonly loadProblem = undefined;
  private profiles: StoredProfile[];

  constructor(profile: StoredProfile) {
    this.profiles = [profile];
  }

  async list(): Promise<StoredProfile[]> {
    return [...this.profiles];
  }

  async get(id: string): Promise<StoredProfile | undefined> {
    return this.profiles.find((p) => p.id === id);
  }

  async findByName(name: string): Promise<StoredProfile | undefined> {
    const wanted = name.trim().toLowerCase();
    return this.profiles.find((p) => p.name.toLowerCase() === wanted);
  }

  async save(input: ProfileRecordInput): Promise<StoredProfile> {
    const profile = StoredProfile.parse({ ...input, id: input.id ?? randomUUID() });
    this.profiles = [...this.profiles.filter((p) => p.id !== profile.id), profile];
    return profile;
  }

  async remove(id: string): Promise<boolean> {
    const before = this.profiles.length;
    this.profiles = this.profiles.filter((p) => p.id !== id);
    return this.profiles.length !== before;
  }
}
