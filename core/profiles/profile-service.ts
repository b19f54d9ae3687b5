import { randomUUID } from 'node:crypto';
import type { ProfileInput, ProfileView, StoredProfile } from '../../common/profile';
import { ProfileInput as ProfileInputSchema } from '../../common/profile';
import { SigndropError } from '../../common/result';
import type { CredentialStore } from '../credentials/credential-store';
import { resolveCredentials } from '../credentials/resolve-credentials';
import type { Signer } from '../signing/signer';
import { testConnection, type ConnectionReport, type TestConnectionOptions } from '../s3/test-connection';
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

  /** Why the profiles file could not be read at start (it was kept aside), once per load. */
  get loadProblem(): string | undefined {
    return this.store.loadProblem;
  }

  async save(input: ProfileInput): Promise<ProfileView> {
    const { secretAccessKey, sessionToken, ...fields } = ProfileInputSchema.parse(input);
    const id = fields.id ?? randomUUID();
    const existing = fields.id ? await this.store.get(fields.id) : undefined;
    if (fields.id && !existing) throw SigndropError.of('not-found', 'That profile no longer exists; add it again.');
    const clash = await this.store.findByName(fields.name);
    if (clash && clash.id !== id) {
      throw SigndropError.of('invalid-input', `A profile named "${fields.name}" already exists; choose another name or edit that one.`);
    }
    const usesKeychain = fields.credentials.kind === 'keychain';
    if (usesKeychain && !fields.accessKeyId) throw SigndropError.of('invalid-input', 'Enter the access key id.');
    const keptSecret = existing?.credentials.kind === 'keychain';
    if (usesKeychain && !secretAccessKey && !keptSecret) {
      throw SigndropError.of('missing-secret', 'Enter the secret access key: it is stored in your OS keychain, never in a file.');
    }
    // The secret first: if the keychain refuses, nothing is half-saved and the form keeps its values.
    if (usesKeychain && secretAccessKey) {
      await this.credentials.set(id, { secretAccessKey, ...(sessionToken ? { sessionToken } : {}) });
    }
    const saved = await this.store.save({ ...fields, ...(usesKeychain ? {} : { accessKeyId: '' }), id });
    // Keys now come from ~/.aws: the old keychain item must not linger.
    if (!usesKeychain && keptSecret) await this.credentials.delete(id);
    this.signer.forget(id);
    return this.view(saved);
  }

  async remove(id: string): Promise<void> {
    const profile = await this.store.get(id);
    if (profile?.credentials.kind === 'keychain') await this.credentials.delete(id);
    await this.store.remove(id);
    this.signer.forget(id);
  }

  /** Checks the profile against its store and says what is wrong in words a person can act on. */
  async test(id: string, options: TestConnectionOptions = {}): Promise<ConnectionReport> {
    const profile = await this.store.get(id);
    if (!profile) throw SigndropError.of('not-found', 'That profile no longer exists. Choose or add another profile.');
    return testConnection(profile, await resolveCredentials(profile, this.credentials), options);
  }

  private async view(profile: StoredProfile): Promise<ProfileView> {
    if (profile.credentials.kind === 'aws-profile') return { ...profile, hasSecret: true };
    const secret = await this.credentials.get(profile.id);
    return { ...profile, hasSecret: secret !== undefined };
  }
}
