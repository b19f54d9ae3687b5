/**
 * An independent AWS Signature Version 4 verifier for presigned (query-string) S3 URLs,
 * written from the specification, not from the SDK: tests use it to check that what the
 * SDK signs for us is what AWS specifies (radosgw accepts some things AWS would not,
 * such as a credential scope naming the wrong region).
 *
 * Specification: https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
 * and https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 */
import { createHash, createHmac } from 'node:crypto';

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** S3 presigned URLs do not sign the body. */
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
/** SigV4 presigned URLs live at most 7 days. */
const MAX_EXPIRES_S = 604_800;

export interface VerifyOptions {
  /** The HTTP method the URL will be used with. */
  readonly method: string;
  readonly secretAccessKey: string;
  /** Headers the client sends besides Host (lowercase names), e.g. content-type for a PUT. */
  readonly headers?: Readonly<Record<string, string>>;
  /** When the URL is used; the validity window is checked when given. */
  readonly at?: Date;
}

export interface Verification {
  /** The signature matches and, when `at` was given, the URL is within its validity window. */
  readonly valid: boolean;
  readonly problems: readonly string[];
  readonly signature: string;
  readonly expectedSignature: string;
  readonly accessKeyId: string;
  readonly scope: { readonly date: string; readonly region: string; readonly service: string; readonly terminator: string };
  readonly amzDate: string;
  readonly expiresIn: number;
  readonly signedHeaders: readonly string[];
  /** Every query parameter, decoded. */
  readonly query: ReadonlyMap<string, string>;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
}

/**
 * UriEncode from the SigV4 specification: every byte except the unreserved characters
 * A–Z a–z 0–9 - _ . ~ becomes %XY (uppercase hex); "/" is kept only in paths.
 */
export function uriEncode(text: string, keepSlash = false): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(ch) || (keepSlash && ch === '/')) out += ch;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  const kDate = hmac(`AWS4${secretAccessKey}`, date);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, 'aws4_request');
}

/** Splits a URL as sent on the wire, without WHATWG normalisation of the path. */
function splitUrl(url: string): { host: string; path: string; rawQuery: string } {
  const match = /^[a-z]+:\/\/([^/?#]+)([^?#]*)(?:\?([^#]*))?/i.exec(url);
  if (!match) throw new Error(`Not an absolute URL: ${url}`);
  return { host: match[1]!.toLowerCase(), path: match[2] || '/', rawQuery: match[3] ?? '' };
}

/** Checks a presigned S3 URL against the SigV4 specification. */
export function verifyPresignedUrl(url: string, options: VerifyOptions): Verification {
  const problems: string[] = [];
  const { host, path, rawQuery } = splitUrl(url);
  const params: [string, string][] = rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? '' : pair.slice(eq + 1);
      return [decodeURIComponent(name), decodeURIComponent(value)];
    });
  const query = new Map(params);
  const get = (name: string) => query.get(name) ?? '';

  if (get('X-Amz-Algorithm') !== ALGORITHM) problems.push(`X-Amz-Algorithm is "${get('X-Amz-Algorithm')}", not ${ALGORITHM}`);
  const [accessKeyId = '', date = '', region = '', service = '', terminator = ''] = get('X-Amz-Credential').split('/');
  if (terminator !== 'aws4_request') problems.push('X-Amz-Credential does not end in aws4_request');
  const amzDate = get('X-Amz-Date');
  if (!/^\d{8}T\d{6}Z$/.test(amzDate)) problems.push(`X-Amz-Date "${amzDate}" is not yyyyMMddTHHmmssZ`);
  if (amzDate.slice(0, 8) !== date) problems.push('X-Amz-Date and the credential scope name different days');
  const expiresIn = Number(get('X-Amz-Expires'));
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_EXPIRES_S)
    problems.push(`X-Amz-Expires ${get('X-Amz-Expires')} is outside 1..${MAX_EXPIRES_S}`);
  const signedHeaders = get('X-Amz-SignedHeaders').split(';').filter(Boolean);
  if (!signedHeaders.includes('host')) problems.push('Host is not a signed header');

  // Canonical URI: each segment decoded then UriEncoded once (S3 does not double-encode).
  const canonicalUri = path
    .split('/')
    .map((segment) => uriEncode(decodeURIComponent(segment)))
    .join('/');
  // Canonical query: every parameter but the signature, encoded, sorted by name then value.
  const canonicalQuery = params
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const sent: Record<string, string> = { ...options.headers, host };
  const canonicalHeaders = signedHeaders
    .map((name) => {
      const value = sent[name];
      if (value === undefined) problems.push(`Signed header "${name}" is not sent`);
      return `${name}:${(value ?? '').trim().replace(/\s+/g, ' ')}\n`;
    })
    .join('');
  const payloadHash = query.get('X-Amz-Content-Sha256') ?? UNSIGNED_PAYLOAD;
  const canonicalRequest = [options.method.toUpperCase(), canonicalUri, canonicalQuery, canonicalHeaders, signedHeaders.join(';'), payloadHash].join('\n');
  const stringToSign = [ALGORITHM, amzDate, [date, region, service, terminator].join('/'), sha256Hex(canonicalRequest)].join('\n');
  const expectedSignature = createHmac('sha256', signingKey(options.secretAccessKey, date, region, service))
    .update(stringToSign, 'utf8')
    .digest('hex');
  const signature = get('X-Amz-Signature');
  if (signature !== expectedSignature) problems.push('The signature does not match');

  if (options.at && /^\d{8}T\d{6}Z$/.test(amzDate)) {
    const start = Date.UTC(
      +amzDate.slice(0, 4),
      +amzDate.slice(4, 6) - 1,
      +amzDate.slice(6, 8),
      +amzDate.slice(9, 11),
      +amzDate.slice(11, 13),
      +amzDate.slice(13, 15),
    );
    const at = options.at.getTime();
    if (at < start) problems.push('The URL is not valid yet');
    if (at > start + expiresIn * 1000) problems.push('The URL has expired');
  }
  return {
    valid: problems.length === 0,
    problems,
    signature,
    expectedSignature,
    accessKeyId,
    scope: { date, region, service, terminator },
    amzDate,
    expiresIn,
    signedHeaders,
    query,
    canonicalRequest,
    stringToSign,
  };
}
