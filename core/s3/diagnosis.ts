import type { AppError, ErrorCode } from '../../common/result';

/** S3 rejects requests more than 15 minutes off (RequestTimeTooSkewed); links from such a clock never work. */
export const FATAL_SKEW_S = 15 * 60;
/** Beyond a minute links visibly start late or end early: worth a warning. */
export const WARN_SKEW_S = 60;

/** What the probe saw of one S3 request: the HTTP response (if any) and the SDK's or socket's error. */
export interface ProbeOutcome {
  /** The S3 action attempted, as IAM names it ("s3:PutObject"): named in access-denied messages. */
  readonly action: string;
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string | undefined>>;
  /** The S3 error code (`<Code>` of the error document, or the SDK error's name). */
  readonly errorCode?: string;
  /** `<Region>` of an AuthorizationHeaderMalformed document, when present. */
  readonly errorRegion?: string;
  /** A socket or TLS error's code (ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT, ...). */
  readonly networkCode?: string;
  readonly networkMessage?: string;
}

/** What the diagnosis needs to know about the profile; never keys beyond the (public) access key id. */
export interface ProbeTarget {
  readonly endpoint: string;
  readonly region: string;
  readonly bucket: string;
  readonly accessKeyId: string;
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS|ERR_SSL|EPROTO/;
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'TimeoutError']);

const err = (code: ErrorCode, message: string, retryable = false): AppError => ({ code, message, retryable });

/** Seconds the server's clock is ahead of ours (negative: behind), from its Date header. */
export function clockSkewSeconds(dateHeader: string | undefined, localNow: Date): number | undefined {
  if (!dateHeader) return undefined;
  const server = Date.parse(dateHeader);
  if (Number.isNaN(server)) return undefined;
  return Math.round((server - localNow.getTime()) / 1000);
}

/** "20 minutes", "2 hours": skew in words. */
function describeSkew(seconds: number): string {
  const s = Math.abs(seconds);
  if (s >= 7200) return `${Math.round(s / 3600)} hours`;
  if (s >= 120) return `${Math.round(s / 60)} minutes`;
  return `${s} seconds`;
}

/** The clock verdict: a fatal error past 15 minutes, a warning past 1 minute, else nothing. */
export function judgeSkew(skew: number | undefined): { error?: AppError; warning?: string } {
  if (skew === undefined || Math.abs(skew) <= WARN_SKEW_S) return {};
  // Server ahead of us means our clock is behind.
  const side = skew > 0 ? 'behind' : 'ahead of';
  if (Math.abs(skew) > FATAL_SKEW_S) {
    return {
      error: err(
        'clock-skew',
        `This computer's clock is ${describeSkew(skew)} ${side} the server's. S3 refuses requests more than 15 minutes off, so nothing can upload and links would not work: turn on automatic time (NTP) and retry.`,
        true,
      ),
    };
  }
  return {
    warning: `This computer's clock is ${describeSkew(skew)} ${side} the server's: links will start and expire that much off. Turn on automatic time (NTP).`,
  };
}

function host(endpoint: string): string {
  if (!endpoint) return 'AWS S3';
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

/**
 * Turns a failed probe request into one sentence a person can act on. Returns undefined when
 * the request succeeded. Pure, so each S3 error document is unit-tested without a server.
 */
export function diagnose(outcome: ProbeOutcome, target: ProbeTarget): AppError | undefined {
  const where = host(target.endpoint);
  if (outcome.networkCode || outcome.networkMessage) {
    const code = outcome.networkCode ?? '';
    const detail = [code, outcome.networkMessage].filter(Boolean).join(': ');
    if (TLS_CODES.test(code) || /certificate|ssl|tls/i.test(outcome.networkMessage ?? '')) {
      return err(
        'tls-failure',
        `The secure (TLS) connection to ${where} failed (${detail}). Its certificate is not trusted here: give the server a valid certificate, or start Signdrop with NODE_EXTRA_CA_CERTS pointing at its CA file.`,
      );
    }
    const hint = UNREACHABLE_CODES.has(code) || code === '' ? 'Check the endpoint URL (scheme, host and port), that the server is running, and your network.' : 'Check the endpoint URL and your network.';
    return err('endpoint-unreachable', `Could not reach ${where} (${detail || 'no answer'}). ${hint}`, true);
  }
  const status = outcome.status ?? 0;
  if (status >= 200 && status < 300) return undefined;

  const headers = outcome.headers ?? {};
  const rightRegion = headers['x-amz-bucket-region'] ?? outcome.errorRegion;
  const code = outcome.errorCode ?? '';
  const regionProblem =
    code === 'AuthorizationHeaderMalformed' || code === 'PermanentRedirect' || code === 'IllegalLocationConstraintException' || status === 301 || status === 307;
  if (regionProblem && rightRegion && rightRegion !== target.region) {
    return err(
      'wrong-region',
      `The bucket "${target.bucket}" is in ${rightRegion}, not ${target.region || 'the default region (us-east-1)'}. Set the profile's region to ${rightRegion}.`,
    );
  }
  switch (code) {
    case 'InvalidAccessKeyId':
      return err('invalid-access-key', `${where} does not know the access key id "${target.accessKeyId}". Check the access key id, and that the keys belong to this store.`);
    case 'SignatureDoesNotMatch':
      return err(
        'signature-mismatch',
        `The secret access key does not match access key id "${target.accessKeyId}". Enter the secret again (copy it whole, without spaces).`,
      );
    case 'NoSuchBucket':
      return err('no-such-bucket', `There is no bucket "${target.bucket}" at ${where}. Check the bucket name (and the endpoint), or create the bucket.`);
    case 'RequestTimeTooSkewed':
      return err('clock-skew', `The server refused the request because this computer's clock is off by more than 15 minutes. Turn on automatic time (NTP) and retry.`, true);
    case 'InvalidToken':
    case 'ExpiredToken':
    case 'TokenRefreshRequired':
      return err('credentials-expired', `The session token was refused (${code}): temporary keys expire. Get fresh keys (or run \`aws sso login\`) and retry.`, true);
  }
  if (code === 'AccessDenied' || code === 'AllAccessDisabled' || status === 403) {
    return err(
      'access-denied',
      `The keys are valid but ${where} denied ${outcome.action} on bucket "${target.bucket}". Allow ${outcome.action} for access key "${target.accessKeyId}" in the user's or the bucket's policy.`,
    );
  }
  if (status === 404) {
    return err('no-such-bucket', `There is no bucket "${target.bucket}" at ${where}. Check the bucket name (and the endpoint), or create the bucket.`);
  }
  if (regionProblem) {
    return err('wrong-region', `${where} redirected the request: the bucket "${target.bucket}" is in another region than ${target.region || 'us-east-1'}. Leave the region empty to detect it, or set the right one.`);
  }
  return err('request-failed', `${where} answered ${status} ${code || 'with an error'} to ${outcome.action}.${status >= 500 ? ' The server had a problem: retry later.' : ''}`, status >= 500);
}
