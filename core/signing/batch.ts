import { createSecretKey } from 'node:crypto';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import { getCanonicalHeaders, getSigningKey, SIGNATURE_QUERY_PARAM, UNSIGNED_PAYLOAD } from '@smithy/signature-v4';
import { SigndropError } from '../../common/result';
import { BatchSigV4, type FixedSigningParts } from './batch-sigv4';
import { encodeKeyPath, formatUrl, UrlWriter, type HttpRequest } from './format-url';
import { responseOverrides, type GetLinkOptions } from './link-options';

/** One key to link, with the name its download should get when not the key's last segment. */
export type BatchKey = string | { readonly key: string; readonly downloadName?: string };

export interface BatchLink {
  readonly key: string;
  readonly url: string;
}

export type BatchOptions = Omit<GetLinkOptions, 'downloadName'>;

// Any key the SDK encodes without escaping works; it is replaced by each real key.
const SENTINEL_KEY = 'k';

// Headers the SDK adds for retries and telemetry; getSignedUrl strips them before presigning too.
const TRANSIENT_HEADERS = ['amz-sdk-invocation-id', 'amz-sdk-request', 'x-amz-user-agent'];

// S3RequestPresigner never signs Content-Type for GET links (nor do we: a GET sends none).
const UNSIGNABLE = new Set(['content-type']);

/**
 * Presigns many GET links with the SDK's SigV4 signer, configured once per batch.
 *
 * getSignedUrl runs the client's whole middleware stack (endpoint rules, serialisation,
 * retries, user agent) and a full SignatureV4.presign for every link: over a millisecond
 * of CPU each here, so 10,000 links take many seconds (scripts/bench-sign.js). Within a
 * batch only the path and the response-* parameters change. So: the middleware stack runs
 * once, for a sentinel key, to get the request getSignedUrl would sign; S3RequestPresigner
 * presigns that sentinel once, which fixes every X-Amz-* parameter; the signing key is
 * derived once with the SDK's getSigningKey; and each link is the SDK's own canonical
 * request, hashed and HMACed with that key (batch-sigv4.ts). Before a batch is trusted the
 * sentinel is re-signed that way and compared with the SDK's signature; if they ever differ
 * (an SDK change), every link is signed by the SDK's presign instead: slower, never wrong.
 * URLs are byte-identical to getSignedUrl's for the same date (test/unit/signing/batch.test.ts).
 */
export class GetLinkBatchSigner {
  /**
   * The last batch's shared parts. They depend only on the X-Amz-Date second, the lifetime and the
   * credentials, so single-link calls in the same second (an upload queue finishing files) reuse them
   * instead of running the SDK's presign and the self-check again: links stay byte-identical.
   */
  private last: { stamp: string; credentials: unknown; fixed: FixedParts } | undefined;

  private constructor(
    private readonly client: S3Client,
    private readonly presigner: S3RequestPresigner,
    private readonly sigv4: BatchSigV4,
    private readonly template: HttpRequest,
    private readonly pathPrefix: string,
    private readonly signingRegion: string,
    private readonly signingService: string,
  ) {}

  /** Runs the client's middleware stack once to learn the request shape and signing scope for a bucket. */
  static async create(client: S3Client, bucket: string): Promise<GetLinkBatchSigner> {
    const { request, signingRegion, signingService } = await captureRequest(client, bucket);
    if (!request.path.endsWith(`/${SENTINEL_KEY}`) || !signingRegion) {
      throw SigndropError.of('internal', 'The S3 SDK built an unexpected request; batch signing is not possible with this profile.');
    }
    for (const name of TRANSIENT_HEADERS) delete request.headers[name];
    // As getSignedUrl configures it: the client's config, the endpoint's signing name and region.
    const presigner = new S3RequestPresigner({ ...client.config, signingName: signingService, region: async () => signingRegion });
    const sigv4 = new BatchSigV4({ ...client.config, service: signingService, region: signingRegion });
    const prefix = request.path.slice(0, -SENTINEL_KEY.length);
    return new GetLinkBatchSigner(client, presigner, sigv4, request, prefix, signingRegion, signingService);
  }

  /** Signs one GET link per key, in order, all valid for `expiresIn` seconds from `signingDate`. */
  async sign(keys: readonly BatchKey[], options: BatchOptions, expiresIn: number, signingDate: Date): Promise<BatchLink[]> {
    const presignOptions = { expiresIn, signingDate, signingRegion: this.signingRegion, signingService: this.signingService };
    const credentials = await this.client.config.credentials();
    const stamp = `${amzDate(signingDate)} ${expiresIn}`;
    let fixed = this.last?.stamp === stamp && this.last.credentials === credentials ? this.last.fixed : undefined;
    if (!fixed) {
      fixed = await this.fixedParts(await this.presigner.presign(this.sentinel(), presignOptions), credentials);
      this.last = fixed ? { stamp, credentials, fixed } : undefined;
    }
    const links: BatchLink[] = [];
    for (const entry of keys) {
      const { key, downloadName } = typeof entry === 'string' ? { key: entry, downloadName: undefined } : entry;
      if (!key) throw SigndropError.of('invalid-input', 'An object key is empty; every link needs a key.');
      const linkOptions = downloadName ? { ...options, downloadName } : options;
      if (fixed) {
        const own = this.ownQuery(key, linkOptions);
        const path = this.pathPrefix + encodeKeyPath(key);
        own[SIGNATURE_QUERY_PARAM] = this.sigv4.signatureFor({ ...fixed.base, path, query: { ...fixed.query, ...own } }, fixed);
        links.push({ key, url: fixed.writer.write(path, own) });
      } else {
        const request = { ...this.template, path: this.pathPrefix + encodeKeyPath(key), query: { ...this.template.query, ...this.ownQuery(key, linkOptions) } };
        links.push({ key, url: formatUrl(await this.presigner.presign({ ...request, headers: { ...request.headers } }, presignOptions)) });
      }
    }
    return links;
  }

  /** The bare sentinel request, with no response-* overrides: what all links share. */
  private sentinel(): HttpRequest {
    return { ...this.template, query: { ...this.template.query }, headers: { ...this.template.headers } };
  }

  /** The response-* parameters of `key`'s link: all that differs between links besides the path. */
  private ownQuery(key: string, options: Omit<GetLinkOptions, 'expiresInSeconds'>): Record<string, string> {
    const overrides = responseOverrides(key, options);
    const query: Record<string, string> = {};
    if (overrides.ResponseContentDisposition) query['response-content-disposition'] = overrides.ResponseContentDisposition;
    if (overrides.ResponseContentType) query['response-content-type'] = overrides.ResponseContentType;
    return query;
  }

  /**
   * What every link of the batch shares, read off the SDK's own presigned sentinel, and
   * checked by re-signing the sentinel: undefined when our signature would differ from the SDK's.
   */
  private async fixedParts(reference: HttpRequest, credentials: AwsCredentialIdentity): Promise<FixedParts | undefined> {
    const { [SIGNATURE_QUERY_PARAM]: expected, ...query } = reference.query as Record<string, string>;
    const credentialScope = query['X-Amz-Credential']?.split('/').slice(1).join('/') ?? '';
    const canonicalHeaders = getCanonicalHeaders(reference, UNSIGNABLE);
    const longDate = query['X-Amz-Date'] ?? '';
    const rawKey = await getSigningKey(this.client.config.sha256, credentials, longDate.slice(0, 8), this.signingRegion, this.signingService);
    const fixed = {
      query,
      longDate,
      credentialScope,
      canonicalHeaders,
      payloadHash: query['X-Amz-Content-Sha256'] ?? UNSIGNED_PAYLOAD,
      signingKey: createSecretKey(rawKey),
      writer: new UrlWriter(reference, query),
      // What the canonical request reads besides path and query; no headers (those are canonicalHeaders).
      base: { method: reference.method, protocol: reference.protocol, hostname: reference.hostname, headers: {} },
    };
    const again = this.sigv4.signatureFor({ ...this.sentinel(), query }, fixed);
    return again === expected ? fixed : undefined;
  }
}

type AwsCredentialIdentity = Awaited<ReturnType<S3Client['config']['credentials']>>;

/** What every link of a batch shares once the self-check passed. */
interface FixedParts extends FixedSigningParts {
  readonly query: Record<string, string>;
  readonly writer: UrlWriter;
  readonly base: Pick<HttpRequest, 'method' | 'protocol' | 'hostname' | 'headers'>;
}

/** SigV4's X-Amz-Date for a signing date: to the second, so links signed in the same second share it. */
const amzDate = (d: Date): string => d.toISOString().replace(/[-:]|\.\d{3}/g, '');

/** The serialised GetObject request just before signing, as getSignedUrl sees it. */
async function captureRequest(client: S3Client, bucket: string) {
  const stack = client.middlewareStack.clone();
  let captured: { request: HttpRequest; signingRegion?: string; signingService: string } | undefined;
  const capture = (_next: unknown, context: Record<string, unknown>) => async (args: { request: unknown }) => {
    captured = {
      request: args.request as HttpRequest,
      ...(typeof context['signing_region'] === 'string' ? { signingRegion: context['signing_region'] } : {}),
      signingService: typeof context['signing_service'] === 'string' ? context['signing_service'] : 's3',
    };
    // Stop here, as getSignedUrl does: nothing is sent.
    return { response: {}, output: { $metadata: {} } };
  };
  stack.addRelativeTo(capture as unknown as Parameters<typeof stack.addRelativeTo>[0], {
    name: 'signdropCaptureRequest',
    relation: 'before',
    toMiddleware: 'awsAuthMiddleware',
    override: true,
  });
  const command = new GetObjectCommand({ Bucket: bucket, Key: SENTINEL_KEY });
  await command.resolveMiddleware(stack, client.config, {})({ input: command.input });
  if (!captured) throw SigndropError.of('internal', 'The S3 SDK did not build a request to sign.');
  return captured;
}

