import type { z } from 'zod';
import type { StoredProfile } from '../../common/profile';

/** A profile as given to `save`: an id is kept, and one is made when missing. */
export type ProfileRecordInput = Omit<z.input<typeof StoredProfile>, 'id'> & { id?: string };

/**
 * Where the engine finds profiles: the saved-profile store (`ProfileStore`, the app and the CLI's
 * profile commands) or one profile held for one command (`OneOffProfiles`, the CLI's --bucket use
 * and a saved profile with --region or --bucket over it). The Signer reads only `get`.
 */
export interface ProfileSource {
  /** Why the saved profiles could not be read (they were set aside), if that happened. */
  readonly loadProblem: string | undefined;
  list(): Promise<StoredProfile[]>;
  get(id: string): Promise<StoredProfile | undefined>;
  /** Profile names are unique without case, so "Work" and "work" are one profile. */
  findByName(name: string): Promise<StoredProfile | undefined>;
  save(input: ProfileRecordInput): Promise<StoredProfile>;
  remove(id: string): Promise<boolean>;
  /** Told when the saved profiles changed, by this process or another; a source that cannot change has none. */
  onChanged?(listener: () => void): () => void;
}
