import { ALGORITHM_IDENTIFIER, SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from './format-url';

/** What every link of a batch shares: the SDK's presign fixes these once for the batch. */
export interface FixedSigningParts {
  readonly longDate: string;
  readonly credentialScope: string;
  readonly canonicalHeaders: Readonly<Record<string, string>>;
  readonly payloadHash: string;
  /** From the SDK's getSigningKey, derived once per batch. */
  readonly signingKey: Uint8Array;
}

/**
 * The SDK's SignatureV4, with the last step of `presign` exposed for a signing key derived
 * once: its own canonical request and string to sign, then HMAC-SHA256 with its own hash
 * constructor. Nothing here re-implements SigV4; it only skips re-deriving what a batch shares.
 */
export class BatchSigV4 extends SignatureV4 {
  constructor(init: ConstructorParameters<typeof SignatureV4>[0]) {
    // S3 paths are already escaped once and must not be escaped again (S3RequestPresigner does the same).
    super({ ...init, uriEscapePath: false });
  }

  /** The X-Amz-Signature of `request`, whose query already holds every X-Amz-* parameter. */
  async signatureFor(request: HttpRequest, fixed: FixedSigningParts): Promise<string> {
    const canonicalRequest = this.createCanonicalRequest(request, fixed.canonicalHeaders as Record<string, string>, fixed.payloadHash);
    const stringToSign = await this.createStringToSign(fixed.longDate, fixed.credentialScope, canonicalRequest, ALGORITHM_IDENTIFIER);
    const hash = new this.sha256(fixed.signingKey);
    hash.update(Buffer.from(stringToSign, 'utf8'));
    return Buffer.from(await hash.digest()).toString('hex');
  }
}
