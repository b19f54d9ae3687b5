import { createSecretKey } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl, S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import { getCanonicalHeaders, getSigningKey, SIGNATURE_QUERY_PARAM, UNSIGNED_PAYLOAD } from '@smithy/signature-v4';
import { SigndropError } from '../../common/result';
import { captureRequest } from './capture-request';
import { FastSigV4, type FixedSigningParts } from './fast-sigv4';
import { encodeKeyPath, UrlWriter, type HttpRequest } from './format-url';
import { SENTINEL_KEY, specOf, type KindSpec, type PresignableRequest } from './presignable';

// S3RequestPresigner never signs Content-Type unless asked to (a GET sends none; a PUT may sign it).
const UNSIGNABLE = new Set(['content-type']);

type Credentials = Awaited<ReturnType<S3Client['config']['credentials']>>;

/** One shape's request as the SDK builds it, and the signers configured for its scope. */
interface Shape {
  readonly spec: KindSpec<PresignableRequest>;
  readonly template: HttpRequest;
  readonly pathPrefix: string;
  readonly signable?: Set<string>;
  /** The sentinel's own query names: they differ per URL, so they are not shared. */
  readonly ownNames: ReadonlySet<string>;
  readonly presigner: S3RequestPresigner;
  readonly sigv4: FastSigV4;
  readonly signingRegion: string;
  readonly signingService: string;
}

/** What every URL of a shape shares within one second, once the check against the SDK passed. */
interface FixedParts extends FixedSigningParts {
  /** Every parameter of the sentinel's URL but the signature. */
  readonly query: Record<string, string>;
  readonly writer: UrlWriter;
  readonly base: Pick<HttpRequest, 'method' | 'protocol' | 'hostname' | 'headers'>;
}

/** SigV4's X-Amz-Date for a signing date: to the second, so URLs signed in the same second share it. */
const amzDate = (d: Date): string => d.toISOString().replace(/[-:]|\.\d{3}/g, '');

/**
 * Presigns every kind of request (GET links, PUT and UploadPart URLs) for one profile's bucket,
 * byte-identical to the SDK's getSignedUrl, at a fraction of its cost.
 *
 * getSignedUrl runs the client's whole middleware stack (endpoint rules, serialisation, retries,
 * user agent) and a full SignatureV4.presign for every URL: over a millisecond of CPU each here,
 * so 10,000 links take many seconds (scripts/bench-sign.js). Between URLs of one shape only the
 * path and a few parameters change. So: the middleware stack runs once per shape, for a sentinel
 * key, to get the request getSignedUrl would sign; once per second S3RequestPresigner presigns that
 * sentinel, which fixes every X-Amz-* parameter, and the signing key is derived with the SDK's
 * getSigningKey; each URL is then the SDK's own canonical request, hashed and HMACed with that key
 * (fast-sigv4.ts). Before a second's parts are trusted the sentinel is re-signed that way and
 * compared with the SDK's signature; if they ever differ (an SDK change), or the SDK builds a request
 * of an unexpected shape, getSignedUrl signs every URL of that shape instead: slower, never wrong.
 */
export class Presigner {
  private readonly shapes = new Map<string, Promise<Shape | undefined>>();
  /** Per shape, the last second's parts: they depend only on X-Amz-Date, the lifetime and the credentials. */
  private readonly lastSecond = new Map<string, { stamp: string; credentials: Credentials; fixed: FixedParts | undefined }>();

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  /** One URL per request, in order, all valid for `expiresIn` seconds from `signingDate`. */
  async sign(requests: readonly PresignableRequest[], expiresIn: number, signingDate: Date): Promise<string[]> {
    const credentials = await this.client.config.credentials();
    const stamp = `${amzDate(signingDate)} ${expiresIn}`;
    const urls: string[] = [];
    let current: { name: string; shape: Shape | undefined; fixed: FixedParts | undefined } | undefined;
    for (const request of requests) {
      if (!request.key) throw SigndropError.of('invalid-input', 'An object key is empty; every link and upload URL needs a key.');
      const spec = specOf(request);
      const { name, sentinel } = spec.shape(request);
      if (current?.name !== name) {
        const shape = await this.shapeFor(name, spec, sentinel);
        const fixed = shape && (await this.fixedFor(name, shape, stamp, credentials, expiresIn, signingDate));
        current = { name, shape, fixed };
      }
      const { shape, fixed } = current;
      urls.push(shape && fixed ? signFast(shape, fixed, request) : await this.signBySdk(spec, request, expiresIn, signingDate));
    }
    return urls;
  }

  private shapeFor(name: string, spec: KindSpec<PresignableRequest>, sentinel: PresignableRequest): Promise<Shape | undefined> {
    let shape = this.shapes.get(name);
    if (!shape) {
      shape = this.captureShape(spec, sentinel);
      this.shapes.set(name, shape);
      shape.catch(() => this.shapes.delete(name));
    }
    return shape;
  }

  /** Runs the middleware stack once for the sentinel; undefined when the SDK built something unexpected. */
  private async captureShape(spec: KindSpec<PresignableRequest>, sentinel: PresignableRequest): Promise<Shape | undefined> {
    const captured = await captureRequest(this.client, spec.command(this.bucket, sentinel));
    if (!captured?.signingRegion || !captured.request.path.endsWith(`/${SENTINEL_KEY}`)) return undefined;
    const { request, signingRegion, signingService } = captured;
    const headers = spec.signedHeaders(sentinel);
    return {
      spec,
      template: request,
      pathPrefix: request.path.slice(0, -SENTINEL_KEY.length),
      ...(headers ? { signable: new Set(Object.keys(headers)) } : {}),
      ownNames: new Set(Object.keys(spec.ownQuery(sentinel))),
      // As getSignedUrl configures it: the client's config, the endpoint's signing name and region.
      presigner: new S3RequestPresigner({ ...this.client.config, signingName: signingService, region: async () => signingRegion }),
      sigv4: new FastSigV4({ ...this.client.config, service: signingService, region: signingRegion }),
      signingRegion,
      signingService,
    };
  }

  /** This second's parts for a shape: reused within the second, else learnt from the SDK's presign of the sentinel. */
  private async fixedFor(
    name: string,
    shape: Shape,
    stamp: string,
    credentials: Credentials,
    expiresIn: number,
    signingDate: Date,
  ): Promise<FixedParts | undefined> {
    const known = this.lastSecond.get(name);
    if (known?.stamp === stamp && known.credentials === credentials) return known.fixed;
    const sentinel = { ...shape.template, query: { ...shape.template.query }, headers: { ...shape.template.headers } };
    const options = { expiresIn, signingDate, signingRegion: shape.signingRegion, signingService: shape.signingService };
    const reference = await shape.presigner.presign(sentinel, shape.signable ? { ...options, signableHeaders: shape.signable } : options);
    const fixed = await this.learn(shape, reference, credentials);
    this.lastSecond.set(name, { stamp, credentials, fixed });
    return fixed;
  }

  /**
   * What every URL of the shape shares, read off the SDK's own presigned sentinel, and checked by
   * re-signing the sentinel: undefined when our signature would differ from the SDK's.
   */
  private async learn(shape: Shape, reference: HttpRequest, credentials: Credentials): Promise<FixedParts | undefined> {
    const { [SIGNATURE_QUERY_PARAM]: expected, ...query } = reference.query as Record<string, string>;
    const longDate = query['X-Amz-Date'] ?? '';
    const rawKey = await getSigningKey(this.client.config.sha256, credentials, longDate.slice(0, 8), shape.signingRegion, shape.signingService);
    const shared = Object.fromEntries(Object.entries(query).filter(([name]) => !shape.ownNames.has(name)));
    const fixed: FixedParts = {
      query,
      longDate,
      credentialScope: query['X-Amz-Credential']?.split('/').slice(1).join('/') ?? '',
      canonicalHeaders: getCanonicalHeaders(reference, UNSIGNABLE, shape.signable),
      payloadHash: query['X-Amz-Content-Sha256'] ?? UNSIGNED_PAYLOAD,
      signingKey: createSecretKey(rawKey),
      writer: new UrlWriter(reference, shared),
      // What the canonical request reads besides path and query; no headers (those are canonicalHeaders).
      base: { method: reference.method, protocol: reference.protocol, hostname: reference.hostname, headers: {} },
    };
    const again = shape.sigv4.signatureFor({ ...fixed.base, path: reference.path, query }, fixed);
    return again === expected ? fixed : undefined;
  }

  /** The SDK's own presign, for a shape the fast path does not trust. */
  private signBySdk(spec: KindSpec<PresignableRequest>, request: PresignableRequest, expiresIn: number, signingDate: Date): Promise<string> {
    const headers = spec.signedHeaders(request);
    const command = spec.command(this.bucket, request) as Parameters<typeof getSignedUrl>[1];
    return getSignedUrl(this.client, command, { expiresIn, signingDate, ...(headers ? { signableHeaders: new Set(Object.keys(headers)) } : {}) });
  }
}

/** One URL from a second's shared parts: one SHA-256 and one HMAC, no SDK presign. */
function signFast(shape: Shape, fixed: FixedParts, request: PresignableRequest): string {
  const own = shape.spec.ownQuery(request);
  const path = shape.pathPrefix + encodeKeyPath(request.key);
  const headers = shape.spec.signedHeaders(request);
  // Header values are canonicalised (trimmed, spaces folded) by the SDK's own function, as it does when presigning.
  const canonicalHeaders = headers ? { ...fixed.canonicalHeaders, ...getCanonicalHeaders({ headers } as HttpRequest) } : undefined;
  own[SIGNATURE_QUERY_PARAM] = shape.sigv4.signatureFor({ ...fixed.base, path, query: { ...fixed.query, ...own } }, fixed, canonicalHeaders);
  return fixed.writer.write(path, own);
}
