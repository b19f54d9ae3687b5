import { z } from 'zod';
import { DEFAULT_KEY_TEMPLATE } from './key-template';
import { MAX_PRESIGN_EXPIRY_S, MIN_PRESIGN_EXPIRY_S } from './expiry';

/**
 * What is wrong with an endpoint, in words that name it, or undefined when it is usable (empty means
 * AWS). Parsed as the engine will parse it, so a port out of range, an unclosed IPv6 bracket or a
 * space is refused here, once, instead of failing every request.
 */
export function endpointProblem(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (!/^https?:\/\/[^\s/]+/i.test(v)) return `The endpoint must start with http:// or https://, or be empty for AWS: "${v}".`;
  try {
    new URL(v);
    return undefined;
  } catch {
    return `The endpoint "${v}" is not a valid URL: check the host, the port (1–65535), brackets around an IPv6 address, and that it has no spaces.`;
  }
}

const httpUrl = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const problem = endpointProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A bucket name as S3 allows it (3–63 chars, lowercase, digits, dots, hyphens). */
const bucketName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'A bucket name is 3–63 lowercase letters, digits, dots or hyphens.');

export const expirySeconds = z
  .number()
  .int()
  .min(MIN_PRESIGN_EXPIRY_S, 'A link must live at least 1 second.')
  .max(MAX_PRESIGN_EXPIRY_S, 'A presigned link can live at most 7 days (SigV4 limit).');

/**
 * Where a profile's keys come from. `keychain`: the access key id is in the profile and the secret
 * (with an optional session token) in one OS keychain item per profile. `aws-profile`: a named
 * profile of ~/.aws/config and ~/.aws/credentials (static keys, SSO, assumed roles), read on use
 * and never copied into our store. `env`: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (and
 * AWS_SESSION_TOKEN, AWS_CREDENTIAL_EXPIRATION) of the engine's environment, read on use and never
 * stored: how the command line signs for a bucket without a saved profile.
 */
export const CredentialSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('keychain') }),
  z.object({ kind: z.literal('aws-profile'), profile: z.string().trim().min(1, 'Name the AWS profile.').max(128) }),
  z.object({ kind: z.literal('env') }),
]);
export type CredentialSource = z.infer<typeof CredentialSource>;

/** What is stored on disk for a profile: everything but the secret, which lives in the OS keychain. */
export const StoredProfile = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, 'Give the profile a name.').max(100),
  endpoint: httpUrl,
  region: z.string().trim().max(64),
  bucket: bucketName,
  pathStyle: z.boolean(),
  credentials: CredentialSource.default({ kind: 'keychain' }),
  /** Not secret (it names the key, like a user name); empty when the keys come from an AWS profile or the environment. */
  accessKeyId: z.string().trim().max(256).default(''),
  keyTemplate: z.string().min(1).max(512).default(DEFAULT_KEY_TEMPLATE),
  defaultExpirySeconds: expirySeconds.default(86_400),
});
export type StoredProfile = z.infer<typeof StoredProfile>;

/** What the renderer sends to create or edit a profile. An empty secret keeps the stored one. */
export const ProfileInput = StoredProfile.omit({ id: true }).extend({
  id: z.string().min(1).optional(),
  secretAccessKey: z.string().max(1024).optional(),
  /** For temporary keys (STS); stored beside the secret in the keychain. */
  sessionToken: z.string().max(4096).optional(),
});
export type ProfileInput = z.input<typeof ProfileInput>;

/** What the renderer may know about a profile: whether a secret is set, never the secret. */
export type ProfileView = StoredProfile & { readonly hasSecret: boolean };
