import { fromIni } from '@aws-sdk/credential-providers';
import type { StoredProfile } from '../../common/profile';
import { isSigndropError, SigndropError } from '../../common/result';
import type { CredentialStore, Secret } from './credential-store';
import { keysFromEnvironment } from './env-keys';

/** A full key set ready to sign with. Only core/signing and core/s3 may hold one. */
export type ResolvedCredentials = Secret & {
  readonly accessKeyId: string;
  /** ISO time the keys stop working (temporary credentials only): links cannot outlive it. */
  readonly expiration?: string;
};

/** Reads an AWS profile; injectable so tests can count calls. Defaults to the SDK's ini provider. */
export type AwsProfileReader = (profile: string) => Promise<{
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}>;

const readAwsProfile: AwsProfileReader = (profile) =>
  // ignoreCache: `aws sso login` or an edited credentials file must take effect without a restart.
  fromIni({ profile, ignoreCache: true })();

/** Where keys other than the keychain's are read from; both default to the process's own. */
export interface KeyReaders {
  /** The environment `env` profiles read their keys from (the CLI passes the one it was given). */
  readonly env?: NodeJS.ProcessEnv;
  readonly readProfile?: AwsProfileReader;
}

/**
 * The keys a profile signs with, from wherever the profile says they live: the OS keychain
 * (through the credential store), a named profile of ~/.aws/config and ~/.aws/credentials
 * (static keys, SSO, assumed roles), or the environment; the last two are read on use and never
 * copied into our store.
 */
export async function resolveCredentials(
  profile: StoredProfile,
  store: CredentialStore,
  { env = process.env, readProfile = readAwsProfile }: KeyReaders = {},
): Promise<ResolvedCredentials> {
  if (profile.credentials.kind === 'aws-profile') return fromAwsProfile(profile.credentials.profile, readProfile);
  if (profile.credentials.kind === 'env') {
    const keys = keysFromEnvironment(env);
    if (!keys)
      throw SigndropError.of(
        'credentials-unavailable',
        'No keys in the environment: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys).',
      );
    return keys;
  }
  const secret = await store.get(profile.id);
  if (!secret) {
    throw SigndropError.of('missing-secret', `Profile "${profile.name}" has no secret access key in the keychain. Edit the profile and enter it.`);
  }
  if (!profile.accessKeyId) {
    throw SigndropError.of('missing-secret', `Profile "${profile.name}" has no access key id. Edit the profile and enter it.`);
  }
  return { ...secret, accessKeyId: profile.accessKeyId };
}

async function fromAwsProfile(name: string, readProfile: AwsProfileReader): Promise<ResolvedCredentials> {
  try {
    const c = await readProfile(name);
    return {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
      ...(c.expiration ? { expiration: c.expiration.toISOString() } : {}),
    };
  } catch (e) {
    if (isSigndropError(e)) throw e;
    throw awsProfileError(name, e);
  }
}

/** The SDK's messages name files and profiles, never keys, so they are safe to pass on. */
export function awsProfileError(name: string, e: unknown): SigndropError {
  const text = e instanceof Error ? e.message : String(e);
  if (/sso/i.test(text) && /expired|invalid|refresh|token/i.test(text)) {
    return SigndropError.of(
      'credentials-expired',
      `The SSO session of AWS profile "${name}" has expired. Run \`aws sso login --profile ${name}\` and retry.`,
      true,
    );
  }
  if (/could not resolve|not found|does not exist|no profile/i.test(text)) {
    return SigndropError.of(
      'credentials-unavailable',
      `AWS profile "${name}" was not found in ~/.aws/config or ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). Check its name with \`aws configure list-profiles\`.`,
    );
  }
  return SigndropError.of('credentials-unavailable', `The keys of AWS profile "${name}" could not be read: ${text}`, true);
}
