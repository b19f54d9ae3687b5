import { checkExpiry, describeApproxDuration, describeDuration, MIN_PRESIGN_EXPIRY_S } from '../../common/expiry';
import type { LinkLifetime } from '../../common/links';
import { SigndropError } from '../../common/result';

export type { LinkLifetime };

/**
 * Throws unless SigV4 can sign this lifetime: 'expiry-too-long' above 7 days, 'invalid-input' below 1 s.
 */
export function assertSignableExpiry(seconds: number): void {
  const problem = checkExpiry(seconds);
  if (problem) throw SigndropError.of(seconds >= MIN_PRESIGN_EXPIRY_S ? 'expiry-too-long' : 'invalid-input', problem);
}

/**
 * The real lifetime of a link signed at `signingDate`: min(requested, credentials' expiry).
 * A URL signed with temporary credentials dies with them whatever X-Amz-Expires says
 * (https://github.com/boto/boto3/issues/2392, https://github.com/aws/aws-sdk-js-v3/issues/3608),
 * so we sign the shorter lifetime, as aws-sdk-ruby does
 * (https://github.com/aws/aws-sdk-ruby/pull/2887), and say so. Links and upload URLs alike.
 * @throws SigndropError 'expiry-too-long' above 7 days, 'invalid-input' below 1 s,
 *   'credentials-expired' when the credentials are already dead.
 */
export function linkLifetime(requestedSeconds: number, signingDate: Date, credentialsExpireAt?: Date): LinkLifetime {
  assertSignableExpiry(requestedSeconds);
  const start = signingDate.getTime();
  const left = credentialsExpireAt ? Math.floor((credentialsExpireAt.getTime() - start) / 1000) : Infinity;
  if (left < MIN_PRESIGN_EXPIRY_S) {
    throw SigndropError.of(
      'credentials-expired',
      `This profile's temporary credentials expired at ${credentialsExpireAt!.toISOString()}. Refresh them (for example \`aws sso login\`, or a new session token) and sign again.`,
    );
  }
  const seconds = Math.min(requestedSeconds, left);
  const clamped = seconds < requestedSeconds;
  return {
    requestedSeconds,
    seconds,
    expiresAt: new Date(start + seconds * 1000).toISOString(),
    clampedBy: clamped ? 'credentials' : undefined,
    warning: clamped
      ? `This profile uses temporary credentials that expire at ${credentialsExpireAt!.toISOString()}, so the link will work for ${describeApproxDuration(seconds)}, not ${describeDuration(requestedSeconds)}.`
      : undefined,
  };
}

/** Reads a secret's `expiration`; an unreadable date is ignored rather than trusted. */
export function parseCredentialExpiry(expiration: string | undefined): Date | undefined {
  if (!expiration) return undefined;
  const date = new Date(expiration);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
