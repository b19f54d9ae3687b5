import type { AppError, ErrorCode } from '../../common/result';

/** What is known of a failed S3 request, whoever saw it: the SDK, a streamed PUT, or test connection. */
export interface S3Failure {
  /** The S3 action attempted, as IAM names it ("s3:PutObject"): named in access-denied messages. */
  readonly action?: string;
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string | undefined>>;
  /** The S3 error code (`<Code>` of the error document, or the SDK error's name). */
  readonly errorCode?: string;
  /** `<Message>` of the error document, when there is one. */
  readonly errorMessage?: string;
  /** `<Region>` of an AuthorizationHeaderMalformed document, when present. */
  readonly errorRegion?: string;
  /** A socket or TLS error's code (ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT, ...). */
  readonly networkCode?: string;
  readonly networkMessage?: string;
}

/** What the words may name about where the request went; never keys beyond the (public) access key id. */
export interface FailureContext {
  /** The profile's endpoint: empty for AWS itself, absent when not known. */
  readonly endpoint?: string;
  readonly region?: string;
  readonly bucket?: string;
  readonly accessKeyId?: string;
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS|ERR_SSL|EPROTO/;
/** Socket failures a new attempt can cure: the server restarting, a dropped or stalled connection, a DNS hiccup. */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'TimeoutError',
]);
/** Host names that do not resolve (ENOTFOUND) are network failures too, but only a corrected endpoint cures them. */
const NETWORK_CODES = new Set([...TRANSIENT_NETWORK_CODES, 'ENOTFOUND']);
const TOKEN_CODES = new Set(['InvalidToken', 'ExpiredToken', 'TokenRefreshRequired']);

/** Whether a thrown error's code (or message, for sockets that give none) says the network failed. */
export function isNetworkCode(code: string | undefined, message = ''): boolean {
  return (code !== undefined && (NETWORK_CODES.has(code) || TLS_CODES.test(code))) || /socket hang up|stalled|aborted/i.test(message);
}

const err = (code: ErrorCode, message: string, retryable = false): AppError => ({ code, message, retryable });

function host(endpoint: string | undefined): string {
  if (endpoint === undefined) return 'the store';
  if (!endpoint) return 'AWS S3';
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * One failed S3 request as one sentence a person can act on, and whether trying the same request
 * again may work (`retryable`: the network, a server error, throttling, an expired presigned URL).
 * Every S3 failure Signdrop reports is worded here, so each sentence exists once.
 */
export function describeS3Failure(failure: S3Failure, context: FailureContext = {}): AppError {
  const where = host(context.endpoint);
  if (failure.networkCode || failure.networkMessage || !failure.status) return describeNetworkFailure(failure, where);
  const status = failure.status;
  const code = failure.errorCode ?? '';
  const action = failure.action ?? 'the request';
  const bucket = context.bucket ? ` "${context.bucket}"` : '';
  const key = context.accessKeyId ? ` "${context.accessKeyId}"` : '';
  const rightRegion = failure.headers?.['x-amz-bucket-region'] ?? failure.errorRegion;
  const regionProblem =
    code === 'AuthorizationHeaderMalformed' ||
    code === 'PermanentRedirect' ||
    code === 'IllegalLocationConstraintException' ||
    status === 301 ||
    status === 307;
  if (regionProblem && rightRegion && rightRegion !== context.region) {
    const asked = context.region === undefined ? "the profile's region" : context.region || 'the default region (us-east-1)';
    return err('wrong-region', `The bucket${bucket} is in ${rightRegion}, not ${asked}. Set the profile's region to ${rightRegion}.`);
  }
  if (code === 'InvalidAccessKeyId')
    return err(
      'invalid-access-key',
      `${capital(where)} does not know the access key id${key}. Check the access key id, and that the keys belong to this store.`,
    );
  if (code === 'SignatureDoesNotMatch')
    return err('signature-mismatch', `The secret access key does not match access key id${key}. Enter the secret again (copy it whole, without spaces).`);
  if (code === 'RequestTimeTooSkewed')
    return err(
      'clock-skew',
      `The server refused the request because this computer's clock is off by more than 15 minutes. Turn on automatic time (NTP) and retry.`,
    );
  if (TOKEN_CODES.has(code))
    return err('credentials-expired', `The session token was refused (${code}): temporary keys expire. Get fresh keys (or run \`aws sso login\`) and retry.`);
  // A presigned URL that ran out answers AccessDenied "Request has expired"; the engine signs a new one.
  if (status === 403 && /expired/i.test(failure.errorMessage ?? ''))
    return err('upload-failed', 'The upload link expired before the upload finished; signing a new one.', true);
  if (code === 'AccessDenied' || code === 'AllAccessDisabled' || status === 403) {
    const who = key ? `access key${key}` : "this profile's access key";
    return err(
      'access-denied',
      `The keys are valid but ${where} denied ${action} on ${bucket ? `bucket${bucket}` : 'this bucket'}. Allow ${action} for ${who} in the user's or the bucket's policy.`,
    );
  }
  // A HEAD answer has no error document: a bare 404 there means the bucket.
  if (code === 'NoSuchBucket' || (status === 404 && (!code || code === 'NotFound'))) {
    return err(
      'no-such-bucket',
      `The bucket does not exist: there is no bucket${bucket} at ${where}. Check the bucket name (and the endpoint), or create the bucket.`,
    );
  }
  if (regionProblem) {
    return err(
      'wrong-region',
      `${capital(where)} redirected the request: the bucket${bucket} is in another region than ${context.region || 'us-east-1'}. Leave the region empty to detect it, or set the right one.`,
    );
  }
  const retryable = status >= 500 || code === 'SlowDown' || code === 'RequestTimeout';
  const detail = failure.errorMessage && failure.errorMessage !== code ? ` (${failure.errorMessage})` : '';
  return err(
    'request-failed',
    `${capital(where)} answered ${status} ${code || 'with an error'}${detail} to ${action}.${retryable ? ' The server is busy or had a problem: retrying may help.' : ''}`,
    retryable,
  );
}

function describeNetworkFailure(failure: S3Failure, where: string): AppError {
  const code = failure.networkCode ?? '';
  const detail = [code, failure.networkMessage].filter(Boolean).join(': ');
  if (TLS_CODES.test(code) || /certificate|ssl|tls/i.test(failure.networkMessage ?? '')) {
    return err(
      'tls-failure',
      `The secure (TLS) connection to ${where} failed (${detail}). Its certificate is not trusted here: give the server a valid certificate, or start Signdrop with NODE_EXTRA_CA_CERTS pointing at its CA file.`,
    );
  }
  // Connected (or trying to) but no answer in time: the words say the store went quiet, not that the URL is wrong.
  if (code === 'ETIMEDOUT' || code === 'TimeoutError') {
    // Our own time-outs say what ran out; the SDK's messages are for its developers.
    const what = failure.networkMessage && !/smithy|ETIMEDOUT/.test(failure.networkMessage) ? ` (${failure.networkMessage})` : '';
    return err('endpoint-unreachable', `${capital(where)} stopped answering${what}. Check your network, or try again when the store is back.`, true);
  }
  const hint =
    NETWORK_CODES.has(code) || code === ''
      ? 'Check the endpoint URL (scheme, host and port), that the server is running, and your network.'
      : 'Check the endpoint URL and your network.';
  const transient = TRANSIENT_NETWORK_CODES.has(code) || /socket hang up|stalled|aborted/i.test(failure.networkMessage ?? '');
  return err('endpoint-unreachable', `Could not reach ${where} (${detail || 'no answer'}). ${hint}`, transient);
}
