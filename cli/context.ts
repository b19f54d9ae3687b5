import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_KEY_TEMPLATE } from '../common/key-template';
import { StoredProfile, type CredentialSource } from '../common/profile';
import { MemoryCredentialStore, type CredentialStore } from '../core/credentials/credential-store';
import { KeychainCredentialStore } from '../core/credentials/keychain-store';
import { ProfileStore } from '../core/profiles/profile-store';
import { checkBucketRegion } from '../core/s3/region';
import { Signer } from '../core/signing/signer';
import { stringOption, type Values } from './args';
import { UsageError, type Io } from './io';

/** Links made without a profile live a day unless --expires says otherwise. */
const AD_HOC_EXPIRY_S = 86_400;
const AD_HOC_ID = 'command-line';

/** Where the CLI keeps profiles: $SIGNDROP_CONFIG_DIR, else the XDG config folder. */
export function dataDir(env: NodeJS.ProcessEnv): string {
  if (env['SIGNDROP_CONFIG_DIR']) return env['SIGNDROP_CONFIG_DIR'];
  return join(env['XDG_CONFIG_HOME'] || join(env['HOME'] || homedir(), '.config'), 'signdrop');
}

export function openProfiles(io: Io): ProfileStore {
  return new ProfileStore(dataDir(io.env));
}

/** Reports a profiles file that had to be set aside, so the user can recover it. */
export async function warnLoadProblem(store: ProfileStore, io: Io): Promise<void> {
  await store.list();
  if (store.loadProblem) io.err(`signdrop: warning: ${store.loadProblem}`);
}

export interface Target {
  readonly signer: Signer;
  readonly profileId: string;
  readonly profile: StoredProfile;
  /** Where the target's keys are read from (the keychain, or memory for environment keys). */
  readonly credentials: CredentialStore;
}

/** Finds a saved profile by name (case-insensitive) or says how to see the names. */
export async function savedProfile(store: ProfileStore, name: string): Promise<StoredProfile> {
  const found = await store.findByName(name);
  if (!found) throw new UsageError(`There is no profile named "${name}". Run signdrop profile list, or add it with signdrop profile add.`);
  return found;
}

/** A profile built from --endpoint/--region/--bucket and the AWS_* environment variables. */
async function adHocProfile(values: Values, env: NodeJS.ProcessEnv, bucket: string): Promise<{ profile: object; credentials: CredentialStore }> {
  const credentials = new MemoryCredentialStore();
  const accessKeyId = env['AWS_ACCESS_KEY_ID'];
  const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
  let source: CredentialSource;
  if (accessKeyId && secretAccessKey) {
    // "keychain" means "from the credential store": here a memory store holding the environment's keys.
    source = { kind: 'keychain' };
    const sessionToken = env['AWS_SESSION_TOKEN'];
    // AWS_CREDENTIAL_EXPIRATION is where the SDKs put temporary credentials' expiry: links must not outlive it.
    const expiration = env['AWS_CREDENTIAL_EXPIRATION'];
    await credentials.set(AD_HOC_ID, { secretAccessKey, ...(sessionToken ? { sessionToken, ...(expiration ? { expiration } : {}) } : {}) });
  } else if (env['AWS_PROFILE']) {
    source = { kind: 'aws-profile', profile: env['AWS_PROFILE'] };
  } else {
    throw new UsageError('No keys: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE), or name a saved profile with --profile.');
  }
  const profile = {
    id: AD_HOC_ID,
    name: 'command line',
    endpoint: stringOption(values, 'endpoint') ?? '',
    region: stringOption(values, 'region') ?? env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'] ?? '',
    bucket,
    pathStyle: values['path-style'] === true,
    credentials: source,
    accessKeyId: source.kind === 'keychain' ? accessKeyId : '',
    keyTemplate: DEFAULT_KEY_TEMPLATE,
    defaultExpirySeconds: AD_HOC_EXPIRY_S,
  };
  return { profile, credentials };
}

/** Explicit flags override a saved profile's fields, so one profile can reach another bucket. */
function withOverrides(profile: StoredProfile, values: Values): object {
  return {
    ...profile,
    ...(stringOption(values, 'endpoint') !== undefined ? { endpoint: stringOption(values, 'endpoint') } : {}),
    ...(stringOption(values, 'region') !== undefined ? { region: stringOption(values, 'region') } : {}),
    ...(stringOption(values, 'bucket') !== undefined ? { bucket: stringOption(values, 'bucket') } : {}),
    ...(values['path-style'] === true ? { pathStyle: true } : {}),
  };
}

/** Parses a profile built from flags; a bad endpoint or bucket name is a usage error. */
function checked(candidate: unknown): StoredProfile {
  const parsed = StoredProfile.safeParse(candidate);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'Invalid profile options.');
  return parsed.data;
}

/**
 * What a command signs for: --profile NAME; else --bucket with keys from the environment; else the
 * only saved profile. The region is filled in (or corrected on AWS) from the bucket itself.
 */
export async function resolveTarget(values: Values, io: Io, patch: Partial<StoredProfile> = {}): Promise<Target> {
  const name = stringOption(values, 'profile');
  const bucket = stringOption(values, 'bucket');
  let profile: StoredProfile;
  let credentials: CredentialStore;
  if (name !== undefined || bucket === undefined) {
    const store = openProfiles(io);
    await warnLoadProblem(store, io);
    let saved: StoredProfile;
    if (name !== undefined) saved = await savedProfile(store, name);
    else {
      const all = await store.list();
      if (all.length !== 1 || !all[0]) {
        throw new UsageError(
          all.length === 0
            ? 'Name a bucket: --bucket B (with --endpoint URL and --region R for a non-AWS store), or add a profile with signdrop profile add.'
            : `Several profiles exist (${all.map((p) => p.name).join(', ')}): choose one with --profile NAME.`,
        );
      }
      saved = all[0];
    }
    profile = checked({ ...withOverrides(saved, values), ...patch });
    credentials = profile.credentials.kind === 'keychain' ? new KeychainCredentialStore() : new MemoryCredentialStore();
  } else {
    const adHoc = await adHocProfile(values, io.env, bucket);
    profile = checked({ ...adHoc.profile, ...patch });
    credentials = adHoc.credentials;
  }
  const region = await checkBucketRegion(profile, credentials);
  if (region.corrected) {
    io.err(`signdrop: note: bucket "${profile.bucket}" is in ${region.corrected.to}, not ${region.corrected.from}; signing for ${region.corrected.to}. Fix the profile's region to skip this check.`);
  }
  const final = region.profile;
  const signer = new Signer({ get: async (id) => (id === final.id ? final : undefined) }, credentials);
  return { signer, profileId: final.id, profile: final, credentials };
}
