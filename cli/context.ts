import { DEFAULT_KEY_TEMPLATE } from '../common/key-template';
import { endpointProblem, StoredProfile, type CredentialSource } from '../common/profile';
import { createCore, type Core, type CoreOptions } from '../core';
import { migrateOldCliFolder } from '../core/data-dir-migration';
import { oldCliDataDir, signdropDataDir } from '../core/data-dir';
import { keysFromEnvironment } from '../core/credentials/env-keys';
import { KeychainCredentialStore } from '../core/credentials/keychain-store';
import { OneOffProfiles } from '../core/profiles/one-off-profiles';
import type { ProfileSource } from '../core/profiles/profile-source';
import { ProfileStore } from '../core/profiles/profile-store';
import { SettingsStore } from '../core/settings/settings-store';
import { stringOption, type Values } from './args';
import { UsageError, type Io } from './io';

/** Links made without a profile live a day unless --expires says otherwise. */
const AD_HOC_EXPIRY_S = 86_400;
const AD_HOC_ID = 'command-line';

/** The old folder's move, started once per data folder (one in a real run; tests run many). */
const migrations = new Map<string, Promise<string>>();

/** The settings shared with the app; a setting that had to be reset is said on stderr. */
export async function openSettings(io: Io): Promise<SettingsStore> {
  return new SettingsStore(await dataDir(io), { warn: (message) => io.err(`signdrop: warning: ${message}`) });
}

/**
 * The data folder the CLI shares with the app (core/data-dir.ts). The first call in a process
 * moves the CLI's old folder (~/.config/signdrop) into it, once, and says so on stderr.
 */
export function dataDir(io: Io): Promise<string> {
  const dir = signdropDataDir(io.env);
  let migrated = migrations.get(dir);
  if (!migrated) {
    const old = oldCliDataDir(io.env);
    migrated = migrateOldCliFolder(old, dir)
      .catch((e: unknown) => `could not move ${old} into ${dir} (${(e as Error).message}); its profiles stay where they are.`)
      .then((notice) => {
        if (notice) io.err(`signdrop: note: ${notice}`);
        return dir;
      });
    migrations.set(dir, migrated);
  }
  return migrated;
}

/** The saved profiles; a profiles file that had to be set aside is reported, so the user can recover it. */
export async function openProfiles(io: Io): Promise<ProfileStore> {
  const store = new ProfileStore(await dataDir(io));
  await store.list();
  if (store.loadProblem) io.err(`signdrop: warning: ${store.loadProblem}`);
  return store;
}

/**
 * The engine for one command, assembled as the app's is, on `profiles` (the saved ones, or the
 * command's one-off profile). Keys of `env` profiles come from the CLI's environment; a region
 * the engine corrects on first use is said on stderr. With `queue`, the upload queue is kept in
 * that file of the data folder (the CLI's own, see cli/cli-queue.ts); else it lives in memory.
 * What the data folder refuses to save (full, read-only) is said on stderr, once, and when it is saved again.
 */
export async function openCore(io: Io, profiles: ProfileSource, queue?: CoreOptions['queue']): Promise<Core> {
  const core = await createCore({
    dataDir: await dataDir(io),
    credentials: new KeychainCredentialStore(),
    env: io.env,
    profiles,
    keepQueue: queue !== undefined,
    ...(queue ? { queue } : {}),
    onRegionCorrected: ({ profile, from, to }) =>
      io.err(`signdrop: note: bucket "${profile.bucket}" is in ${to}, not ${from}; signing for ${to}. Fix the profile's region to skip this check.`),
  });
  // A full or read-only data folder never stops the command; the user hears when it starts and when it ends.
  core.saveTroubles.onNotice(({ state, message }) => io.err(`signdrop: ${state === 'saved' ? 'note' : 'warning'}: ${message}`));
  return core;
}

/** Finds a saved profile by name (case-insensitive) or says how to see the names. */
export async function savedProfile(store: ProfileSource, name: string): Promise<StoredProfile> {
  const found = await store.findByName(name);
  if (!found) throw new UsageError(`There is no profile named "${name}". Run signdrop profile list, or add it with signdrop profile add.`);
  return found;
}

/** The profile named by --profile, else the only saved one, else the default profile (shared with the app). */
async function chosenProfile(io: Io, name: string | undefined): Promise<StoredProfile> {
  const store = await openProfiles(io);
  if (name !== undefined) return savedProfile(store, name);
  const all = await store.list();
  if (all.length > 1) {
    const { defaultProfileId } = await (await openSettings(io)).get();
    const chosen = all.find((p) => p.id === defaultProfileId);
    if (chosen) return chosen;
  }
  if (all.length !== 1 || !all[0]) {
    throw new UsageError(
      all.length === 0
        ? 'Name a bucket: --bucket B (with --endpoint URL and --region R for a non-AWS store), or add a profile with signdrop profile add.'
        : `Several profiles exist (${all.map((p) => p.name).join(', ')}): choose one with --profile NAME, or set one with signdrop profile default NAME.`,
    );
  }
  return all[0];
}

/** A profile built from --endpoint/--region/--bucket, with keys from the environment or AWS_PROFILE. */
function adHocProfile(values: Values, env: NodeJS.ProcessEnv, bucket: string): object {
  let source: CredentialSource;
  if (keysFromEnvironment(env)) source = { kind: 'env' };
  else if (env['AWS_PROFILE']) source = { kind: 'aws-profile', profile: env['AWS_PROFILE'] };
  else throw new UsageError('No keys: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE), or name a saved profile with --profile.');
  return {
    id: AD_HOC_ID,
    name: 'command line',
    endpoint: stringOption(values, 'endpoint') ?? '',
    region: stringOption(values, 'region') ?? env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'] ?? '',
    bucket,
    pathStyle: values['path-style'] === true,
    credentials: source,
    keyTemplate: DEFAULT_KEY_TEMPLATE,
    defaultExpirySeconds: AD_HOC_EXPIRY_S,
  };
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

/** A bad --endpoint is a usage error that names it, said before any file is read or any key looked up. */
export function checkEndpointOption(values: Values): void {
  const endpoint = stringOption(values, 'endpoint');
  const problem = endpoint === undefined ? undefined : endpointProblem(endpoint);
  if (problem) throw new UsageError(problem);
}

/** Parses a profile built from flags; a bad endpoint or bucket name is a usage error. */
function checked(candidate: unknown): StoredProfile {
  const parsed = StoredProfile.safeParse(candidate);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'Invalid profile options.');
  return parsed.data;
}

export interface Target {
  /** The engine, holding only `profile`: nothing this command does reaches the profiles file. */
  readonly core: Core;
  readonly profile: StoredProfile;
}

/**
 * What a command signs for: --profile NAME; else --bucket with keys from the environment; else the
 * only saved profile; flags over it and `patch` last. The engine fills in (or, on AWS, corrects)
 * the region from the bucket itself on first use.
 */
export async function resolveTarget(
  values: Values,
  io: Io,
  patch: Partial<StoredProfile> = {},
  queue?: (profile: StoredProfile) => CoreOptions['queue'],
): Promise<Target> {
  const profile = await resolveProfile(values, io, patch);
  return { core: await openCore(io, new OneOffProfiles(profile), queue?.(profile)), profile };
}

/** The profile a command signs for (see resolveTarget), without opening the engine. */
export async function resolveProfile(values: Values, io: Io, patch: Partial<StoredProfile> = {}): Promise<StoredProfile> {
  const name = stringOption(values, 'profile');
  const bucket = stringOption(values, 'bucket');
  const candidate = name !== undefined || bucket === undefined ? withOverrides(await chosenProfile(io, name), values) : adHocProfile(values, io.env, bucket);
  return checked({ ...candidate, ...patch });
}
