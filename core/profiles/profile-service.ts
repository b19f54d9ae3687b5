import { randomUUID } from 'node:crypto';
import type { ProfileInput, ProfileView } from '../../common/profile';
import { ProfileInput as ProfileInputSchema, StoredProfile } from '../../common/profile';
import { SigndropError } from '../../common/result';
import type { CredentialStore, Secret } from '../credentials/credential-store';
import { resolveCredentials, type KeyReaders } from '../credentials/resolve-credentials';
import { checkBucketRegion } from '../s3/region';
import type { Signer } from '../signing/signer';
import { testConnection, type ConnectionReport, type TestConnectionOptions } from '../s3/test-connection';
import { testDraft } from './draft-test';
import type { ProfileSource } from './profile-source';

export interface ProfileServiceDeps {
  readonly profiles: ProfileSource;
  readonly credentials: CredentialStore;
  /** Told to drop what it cached of a profile that changed. */
  readonly signer: Pick<Signer, 'forget'>;
  /** Where `env` and `aws-profile` keys are read from; the process's own by default. */
  readonly readers?: KeyReaders;
  /** Finds the bucket's region when a profile is saved; tests about something else pass one that keeps it. */
  readonly checkRegion?: typeof checkBucketRegion;
}

/** Whether an edit leaves the bucket, its store and the keys as they were. */
function pointsAtSameBucket(a: StoredProfile, b: StoredProfile): boolean {
  return (
    a.endpoint === b.endpoint &&
    a.bucket === b.bucket &&
    a.region === b.region &&
    a.pathStyle === b.pathStyle &&
    a.accessKeyId === b.accessKeyId &&
    JSON.stringify(a.credentials) === JSON.stringify(b.credentials)
  );
}

/**
 * Profiles as the app sees them: the profile source for the public part, the credential
 * store for the secret. Returns views that say whether a secret is set, never the secret.
 */
export class ProfileService {
  private readonly profiles: ProfileSource;
  private readonly credentials: CredentialStore;
  private readonly signer: Pick<Signer, 'forget'>;
  private readonly readers: KeyReaders;
  private readonly checkRegion: typeof checkBucketRegion;

  constructor({ profiles, credentials, signer, readers = {}, checkRegion = checkBucketRegion }: ProfileServiceDeps) {
    this.profiles = profiles;
    this.credentials = credentials;
    this.signer = signer;
    this.readers = readers;
    this.checkRegion = checkRegion;
  }

  async list(): Promise<ProfileView[]> {
    const profiles = await this.profiles.list();
    return Promise.all(profiles.map((p) => this.view(p)));
  }

  /** Told when the saved profiles changed, by this process or another; returns the unsubscribe. */
  onChanged(listener: () => void): () => void {
    return this.profiles.onChanged?.(listener) ?? (() => undefined);
  }

  /** Why the profiles file could not be read at start (it was kept aside), once per load. */
  get loadProblem(): string | undefined {
    return this.profiles.loadProblem;
  }

  /** Saves a profile with its region as the bucket names it, the secret in the credential store. */
  async save(input: ProfileInput): Promise<ProfileView> {
    const { secretAccessKey, sessionToken, ...fields } = ProfileInputSchema.parse(input);
    const id = fields.id ?? randomUUID();
    const existing = fields.id ? await this.profiles.get(fields.id) : undefined;
    if (fields.id && !existing) throw SigndropError.of('not-found', 'That profile no longer exists; add it again.');
    const clash = await this.profiles.findByName(fields.name);
    if (clash && clash.id !== id) {
      throw SigndropError.of('invalid-input', `A profile named "${fields.name}" already exists; choose another name or edit that one.`);
    }
    const usesKeychain = fields.credentials.kind === 'keychain';
    if (usesKeychain && !fields.accessKeyId) throw SigndropError.of('invalid-input', 'Enter the access key id.');
    const keptSecret = existing?.credentials.kind === 'keychain';
    if (usesKeychain && !secretAccessKey && !keptSecret) {
      throw SigndropError.of('missing-secret', 'Enter the secret access key: it is stored in your OS keychain, never in a file.');
    }
    const secret: Secret | undefined = usesKeychain && secretAccessKey ? { secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } : undefined;
    const draft = StoredProfile.parse({ ...fields, ...(usesKeychain ? {} : { accessKeyId: '' }), id });
    // An edit that keeps where the profile points (a new default expiry, a new name) asks nothing:
    // picking a link lifetime must not wait on the network.
    const region = existing && !secret && pointsAtSameBucket(existing, draft) ? draft.region : await this.bucketRegion(draft, secret);
    // The secret first: if the keychain refuses, nothing is half-saved and the form keeps its values.
    if (secret) await this.credentials.set(id, secret);
    const saved = await this.profiles.save({ ...draft, region });
    // Keys now come from elsewhere: the old keychain item must not linger.
    if (!usesKeychain && keptSecret) await this.credentials.delete(id);
    this.signer.forget(id);
    return this.view(saved);
  }

  async remove(id: string): Promise<void> {
    const profile = await this.profiles.get(id);
    if (profile?.credentials.kind === 'keychain') await this.credentials.delete(id);
    await this.profiles.remove(id);
    this.signer.forget(id);
  }

  /** Checks the profile against its store and says what is wrong in words a person can act on. */
  async test(id: string, options: TestConnectionOptions = {}): Promise<ConnectionReport> {
    const profile = await this.profiles.get(id);
    if (!profile) throw SigndropError.of('not-found', 'That profile no longer exists. Choose or add another profile.');
    return testConnection(profile, await resolveCredentials(profile, this.credentials, this.readers), options);
  }

  /** Tests a profile before it is saved (see draft-test.ts); nothing is written. */
  testDraft(input: ProfileInput, options: TestConnectionOptions = {}): Promise<ConnectionReport> {
    return testDraft(input, this.credentials, this.readers, options);
  }

  /**
   * A copy of a profile under a free name ("Work (copy)", "Work (copy 2)"), its keychain secret
   * copied too, so the copy works at once and can be edited into a second bucket or key.
   */
  async duplicate(id: string): Promise<ProfileView> {
    const profile = await this.profiles.get(id);
    if (!profile) throw SigndropError.of('not-found', 'That profile no longer exists.');
    let name = `${profile.name} (copy)`;
    for (let n = 2; await this.profiles.findByName(name); n++) name = `${profile.name} (copy ${n})`;
    const copy = { ...profile, id: randomUUID(), name };
    const secret = profile.credentials.kind === 'keychain' ? await this.credentials.get(id) : undefined;
    if (secret) await this.credentials.set(copy.id, secret);
    return this.view(await this.profiles.save(copy));
  }

  /**
   * The region the bucket names, asked with the keys just given before anything is saved, so a
   * profile is signed for where its bucket lives from its first link. A failure keeps the typed
   * region: detection is a convenience, and expired SSO or an offline store must not stop a save.
   */
  private bucketRegion(draft: StoredProfile, secret: Secret | undefined): Promise<string> {
    const keys = secret ? async () => ({ ...secret, accessKeyId: draft.accessKeyId }) : () => resolveCredentials(draft, this.credentials, this.readers);
    return this.checkRegion(draft, keys, { always: true }).then(
      (checked) => checked.profile.region,
      () => draft.region,
    );
  }

  private async view(profile: StoredProfile): Promise<ProfileView> {
    // Keys from ~/.aws or the environment are read on use: there is no stored secret to miss.
    if (profile.credentials.kind !== 'keychain') return { ...profile, hasSecret: true };
    const secret = await this.credentials.get(profile.id);
    return { ...profile, hasSecret: secret !== undefined };
  }
}
