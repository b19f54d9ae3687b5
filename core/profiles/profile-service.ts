import { randomUUID } from 'node:crypto';
import type { ProfileInput, ProfileView, StoredProfile } from '../../common/profile';
import { ProfileInput as ProfileInputSchema } from '../../common/profile';
import { SigndropError } from '../../common/result';
import type { CredentialStore } from '../credentials/credential-store';
import type { Signer } from '../signing/signer';
import type { ProfileStore } from './profile-store';

/**
 * Profiles as the app sees them: the JSON store for the public part, the credential
 * store for the secret. Returns views that say whether a secret is set, never the secret.
 */
export class ProfileService {
  constructor(
    private readonly store: ProfileStore,
    private readonly credentials: CredentialStore,
    private readonly signer: Signer,
  ) {}

  async list(): Promise<ProfileView[]> {
    const profiles = await this.store.list();
    return Promise.all(profiles.map((p) => this.view(p)));
  }

  async save(input: ProfileInput): Promise<ProfileView> {
    const { secretAccessKey, ...fields } = ProfileInputSchema.parse(input);
    const id = fields.id ?? randomUUID();
    const existing = fields.id ? await this.store.get(fields.id) : undefined;
    if (fields.id && !existing) throw SigndropError.of('not-found', 'That profile no longer exists; add it again.');
    if (!existing && !secretAccessKey) {
      throw SigndropError.of('missing-secret', 'Enter the secret access key: it is stored in your OS keychain, never in a file.');
    }
    // The secret first: if the keychain refuses, nothing is half-saved and the form keeps its values.
    if (secretAccessKey) await this.credentials.set(id, { secretAccessKey });
    const saved = await this.store.save({ ...fields, id });
    this.signer.forget(id);
    return this.view(saved);
  }

  async remove(id: string): Promise<void> {
    await this.credentials.delete(id);
    await this.store.remove(id);
    this.signer.forget(id);
  }

  private async view(profile: StoredProfile): Promise<ProfileView> {
    const secret = await this.credentials.get(profile.id);
    return { ...profile, hasSecret: secret !== undefined };
  }
}
