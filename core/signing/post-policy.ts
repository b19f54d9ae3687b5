import type { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { MAX_KEY_BYTES, utf8Length } from '../../common/key-template';
import { SigndropError } from '../../common/result';
import type { LinkLifetime } from './lifetime';

/** S3's limit for one POST (or PUT) upload: 5 GiB. */
export const MAX_POST_BYTES = 5 * 1024 ** 3;

/** What a browser form (someone without keys) may upload. */
export interface PostPolicyOptions {
  readonly expiresInSeconds: number;
  /**
   * Keys the form may write start with this ("inbox/2026/"); the form's own `key` field is
   * `<prefix>${filename}`, which S3 replaces with the uploaded file's name.
   */
  readonly keyPrefix: string;
  /** Largest accepted file in bytes (`content-length-range`), at most 5 GiB. */
  readonly maxBytes: number;
  /** Smallest accepted file in bytes; 0 when absent. */
  readonly minBytes?: number;
  /** The exact Content-Type the form must send, or a prefix such as "image/" when it ends in "/". */
  readonly contentType?: string;
  /**
   * The one key the form may write, instead of `keyPrefix` + the file's name: a request's page
   * gets one policy per file, so the store itself caps how many files arrive.
   */
  readonly exactKey?: string;
  /**
   * Fields the browser fills in itself (the file's type, its name as Content-Disposition), each
   * allowed any value that starts with the given text. Every field a form sends must be in the
   * policy: MinIO refuses a form with a field the policy does not name.
   */
  readonly openFields?: Readonly<Record<string, string>>;
}

/** A form target: POST `fields` then the file, as multipart/form-data, to `url`. */
export interface PresignedPost {
  readonly url: string;
  /** Form fields in order; the file field goes after them (S3 ignores fields after the file). */
  readonly fields: Readonly<Record<string, string>>;
  readonly expiresAt: string;
  readonly clampedBy: 'credentials' | undefined;
  readonly warning: string | undefined;
}

// Control characters in a key are invisible in links and refused by some stores.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/** Returns why the options cannot make a policy, or undefined. */
export function checkPostPolicy(options: PostPolicyOptions): string | undefined {
  const { keyPrefix, maxBytes, minBytes = 0 } = options;
  if (!Number.isInteger(maxBytes) || maxBytes < 1 || maxBytes > MAX_POST_BYTES) {
    return `The size limit must be a whole number of bytes from 1 to ${MAX_POST_BYTES} (5 GiB, S3's limit for one upload).`;
  }
  if (!Number.isInteger(minBytes) || minBytes < 0 || minBytes > maxBytes) {
    return 'The smallest accepted size must be a whole number of bytes, no larger than the size limit.';
  }
  if (CONTROL_CHARS.test(keyPrefix)) return 'The key prefix contains control characters.';
  if (utf8Length(keyPrefix) >= MAX_KEY_BYTES) return `The key prefix must be shorter than ${MAX_KEY_BYTES} bytes.`;
  const { exactKey } = options;
  if (exactKey !== undefined && (!exactKey.startsWith(keyPrefix) || CONTROL_CHARS.test(exactKey) || utf8Length(exactKey) > MAX_KEY_BYTES)) {
    return `The key must start with the key prefix, hold no control characters and be at most ${MAX_KEY_BYTES} bytes.`;
  }
  return undefined;
}

/**
 * Signs a browser-form upload policy with the SDK (@aws-sdk/s3-presigned-post): a size range,
 * a `starts-with $key` prefix, an optional content type, and an expiry (already clamped to the
 * credentials' lifetime by the caller). S3 enforces every condition server-side.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 */
export async function presignPostPolicy(
  client: S3Client,
  bucket: string,
  options: PostPolicyOptions,
  lifetime: LinkLifetime,
  signingDate: Date,
): Promise<PresignedPost> {
  const problem = checkPostPolicy(options);
  if (problem) throw SigndropError.of('invalid-input', problem);
  const keyPrefix = options.keyPrefix.normalize('NFC');
  const { contentType } = options;
  const typeIsPrefix = contentType?.endsWith('/') ?? false;
  const open = Object.entries(options.openFields ?? {}).map(([name, start]) => ['starts-with', `$${name}`, start]);
  // createPresignedPost reads the time as Date.now() + systemClockOffset; the offset is how it
  // takes the signer's clock (tests sign in the past; a skewed machine can be corrected).
  const clocked = { config: { ...client.config, systemClockOffset: signingDate.getTime() - Date.now() } } as unknown as S3Client;
  const { url, fields } = await createPresignedPost(clocked, {
    Bucket: bucket,
    // Ending the key in ${filename} makes the SDK add ["starts-with", "$key", keyPrefix]; any
    // other key, the condition {"key": exactKey}.
    Key: options.exactKey?.normalize('NFC') ?? `${keyPrefix}\${filename}`,
    Conditions: [
      ['content-length-range', options.minBytes ?? 0, options.maxBytes],
      ...(contentType ? [typeIsPrefix ? ['starts-with', '$Content-Type', contentType] : { 'Content-Type': contentType }] : []),
      ...open,
    ] as NonNullable<Parameters<typeof createPresignedPost>[1]['Conditions']>,
    Fields: contentType && !typeIsPrefix ? { 'Content-Type': contentType } : {},
    Expires: lifetime.seconds,
  });
  return {
    url,
    fields,
    // The policy's own expiration, to the second, rather than our estimate of it.
    expiresAt: policyExpiration(fields['Policy']) ?? lifetime.expiresAt,
    clampedBy: lifetime.clampedBy,
    warning: lifetime.warning,
  };
}

function policyExpiration(policy: string | undefined): string | undefined {
  if (!policy) return undefined;
  const parsed = JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as { expiration?: string };
  return parsed.expiration ? new Date(parsed.expiration).toISOString() : undefined;
}
