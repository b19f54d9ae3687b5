import { createHash, createHmac, type KeyObject } from 'node:crypto';
import { ALGORITHM_IDENTIFIER, SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from './format-url';

/** What every URL of one shape shares within a second: the SDK's presign of a sentinel fixes these. */
export interface FixedSigningParts {
  readonly longDate: string;
  readonly credentialScope: string;
  readonly canonicalHeaders: Readonly<Record<string, string>>;
  readonly payloadHash: string;
  /** From the SDK's getSigningKey, derived once per second (a KeyObject: HMAC setup is then cheaper). */
  readonly signingKey: KeyObject;
}

/**
 * The SDK's SignatureV4, used for what is easy to get wrong: its own canonical request
 * (path, query escaping and ordering, headers) and, by the caller, its own signing key.
 * The two hashes that follow (SHA-256 of the canonical request, then HMAC-SHA256 of the
 * string to sign) are done with node:crypto directly and synchronously: through the SDK's
 * async hash wrappers they cost three times as much, most of a 10,000-link batch.
 * The caller compares one signature per second with the SDK's full presign before trusting this.
 */
export class FastSigV4 extends SignatureV4 {
  constructor(init: ConstructorParameters<typeof SignatureV4>[0]) {
    // S3 paths are already escaped once and must not be escaped again (S3RequestPresigner does the same).
    super({ ...init, uriEscapePath: false });
  }

  /** The X-Amz-Signature of `request`, whose query already holds every X-Amz-* parameter. */
  signatureFor(request: HttpRequest, fixed: FixedSigningParts, canonicalHeaders = fixed.canonicalHeaders): string {
    const canonicalRequest = this.createCanonicalRequest(request, canonicalHeaders as Record<string, string>, fixed.payloadHash);
    const hashed = createHash('sha256').update(canonicalRequest, 'utf8').digest('hex');
    const stringToSign = `${ALGORITHM_IDENTIFIER}\n${fixed.longDate}\n${fixed.credentialScope}\n${hashed}`;
    return createHmac('sha256', fixed.signingKey).update(stringToSign, 'utf8').digest('hex');
  }
}
