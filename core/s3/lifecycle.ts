import {
  DeleteBucketLifecycleCommand,
  GetBucketLifecycleConfigurationCommand,
  PutBucketLifecycleConfigurationCommand,
  type LifecycleRule,
} from '@aws-sdk/client-s3';
import type { ExpireAfterResult, ExpireAfterState } from '../../common/lifecycle';
import { SigndropError } from '../../common/result';
import { toAppError } from '../errors/to-app-error';
import type { Signer } from '../signing/signer';

/** Our rule's ID: how it is found again among the bucket's other rules, to change or remove it. */
export const EXPIRE_RULE_ID = 'signdrop-expire-after';
/** Parts of an upload that never finished cost money and are never seen: a day is long enough for any resume. */
const ABORT_INCOMPLETE_AFTER_DAYS = 1;

/** Error codes with which stores say they do not do lifecycle rules at all (MinIO without ILM, some gateways). */
const UNSUPPORTED = new Set(['NotImplemented', 'MethodNotAllowed', 'InvalidRequest', 'UnsupportedOperation']);

/** The fixed start of a key template, before its first token: the part every upload's key shares. */
export function keyPrefix(keyTemplate: string): string {
  const token = keyTemplate.indexOf('{');
  return token === -1 ? keyTemplate : keyTemplate.slice(0, token);
}

const isNoConfiguration = (e: unknown): boolean => (e as { name?: string }).name === 'NoSuchLifecycleConfiguration';

const errorCode = (e: unknown): string => (e as { name?: string; Code?: string }).Code ?? (e as { name?: string }).name ?? '';
/** Whether the store answered that it does not do lifecycle rules (not that this request failed). */
const isUnsupported = (e: unknown): boolean => UNSUPPORTED.has(errorCode(e));

/** A failure of a lifecycle call as words: a store that does not do lifecycle rules says so. */
function lifecycleError(e: unknown, context: { endpoint: string; bucket: string; action: string }): SigndropError {
  const code = errorCode(e);
  if (isUnsupported(e))
    return SigndropError.of(
      'request-failed',
      `The store at ${context.endpoint || 'AWS'} refused lifecycle rules for bucket "${context.bucket}" (${code}): it does not support them. Files stay until deleted; signdrop cleanup --expired (or Clean up expired in the app) deletes those whose links expired.`,
    );
  return new SigndropError(toAppError(e, context));
}

/**
 * "Delete uploads N days after upload" as an S3 lifecycle rule on the profile's key prefix, with
 * incomplete multipart uploads aborted after a day; `days: null` removes it. The bucket's other
 * rules are kept: the configuration is read, our rule replaced among them, and written back
 * (PutBucketLifecycleConfiguration replaces the whole configuration, so writing ours alone
 * would delete everyone else's).
 */
export async function setExpireAfter(signer: Signer, profileId: string, days: number | null): Promise<ExpireAfterResult> {
  const { client, profile } = await signer.resolve(profileId);
  const context = { endpoint: profile.endpoint, bucket: profile.bucket };
  const current = await client.send(new GetBucketLifecycleConfigurationCommand({ Bucket: profile.bucket })).then(
    (out) => out.Rules ?? [],
    (e: unknown) => {
      if (isNoConfiguration(e)) return [] as LifecycleRule[];
      throw lifecycleError(e, { ...context, action: 's3:GetLifecycleConfiguration' });
    },
  );
  const others = current.filter((r) => r.ID !== EXPIRE_RULE_ID);
  const prefix = keyPrefix(profile.keyTemplate);
  const ours: LifecycleRule[] =
    days === null
      ? []
      : [
          {
            ID: EXPIRE_RULE_ID,
            Status: 'Enabled',
            Filter: { Prefix: prefix },
            Expiration: { Days: days },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: ABORT_INCOMPLETE_AFTER_DAYS },
          },
        ];
  const rules = [...others, ...ours];
  const write =
    rules.length === 0
      ? new DeleteBucketLifecycleCommand({ Bucket: profile.bucket })
      : new PutBucketLifecycleConfigurationCommand({ Bucket: profile.bucket, LifecycleConfiguration: { Rules: rules } });
  await client.send(write as PutBucketLifecycleConfigurationCommand).catch((e: unknown) => {
    throw lifecycleError(e, { ...context, action: 's3:PutLifecycleConfiguration' });
  });
  return { bucket: profile.bucket, prefix, days, otherRules: others.length };
}

/**
 * Our rule on the profile's bucket as the profile's settings show it: its days (null when there is
 * none), the prefix it covers and how many other rules the bucket has. A store that does not do
 * lifecycle rules is an answer, not an error: `supported: false` with its refusal in words.
 */
export async function getExpireAfter(signer: Signer, profileId: string): Promise<ExpireAfterState> {
  const { client, profile } = await signer.resolve(profileId);
  const base = { bucket: profile.bucket, prefix: keyPrefix(profile.keyTemplate) };
  const context = { endpoint: profile.endpoint, bucket: profile.bucket, action: 's3:GetLifecycleConfiguration' };
  let rules: LifecycleRule[];
  try {
    rules = (await client.send(new GetBucketLifecycleConfigurationCommand({ Bucket: profile.bucket }))).Rules ?? [];
  } catch (e) {
    if (isUnsupported(e)) return { ...base, days: null, otherRules: 0, supported: false, refusal: lifecycleError(e, context).message };
    if (!isNoConfiguration(e)) throw lifecycleError(e, context);
    rules = [];
  }
  const ours = rules.find((r) => r.ID === EXPIRE_RULE_ID);
  return { ...base, days: ours?.Expiration?.Days ?? null, otherRules: rules.length - (ours ? 1 : 0), supported: true };
}
