import { GetObjectCommand, PutObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3';

/**
 * Every request Signdrop presigns, keyed by the S3 operation. A new kind is one more member here
 * and one more entry in KINDS: the presigner, its cache and its check against the SDK serve it as is.
 */
export type PresignableRequest =
  | { readonly kind: 'GetObject'; readonly key: string; readonly responseContentDisposition?: string; readonly responseContentType?: string }
  | { readonly kind: 'PutObject'; readonly key: string; readonly contentType?: string }
  | { readonly kind: 'UploadPart'; readonly key: string; readonly uploadId: string; readonly partNumber: number };

type RequestOf<K extends PresignableRequest['kind']> = Extract<PresignableRequest, { kind: K }>;

/** How one kind of request maps onto the SDK's command and onto what differs between its URLs. */
export interface KindSpec<R extends PresignableRequest> {
  /** The command getSignedUrl would presign for it: the reference the fast path is checked against, and the fallback. */
  command(bucket: string, request: R): GetObjectCommand | PutObjectCommand | UploadPartCommand;
  /** Query parameters that differ between URLs of one shape (the path aside). */
  ownQuery(request: R): Record<string, string>;
  /** Headers the URL signs, so the uploader must send them as they are. */
  signedHeaders(request: R): Record<string, string> | undefined;
  /**
   * Requests of one shape share every X-Amz-* parameter within a second. The sentinel is the
   * request of that shape the SDK is asked to presign once, as the reference.
   */
  shape(request: R): { readonly name: string; readonly sentinel: R };
}

/** Any key the SDK writes without escaping works; each real key replaces it. */
export const SENTINEL_KEY = 'k';

const GET_SENTINEL: RequestOf<'GetObject'> = { kind: 'GetObject', key: SENTINEL_KEY };
const PUT_SENTINEL: RequestOf<'PutObject'> = { kind: 'PutObject', key: SENTINEL_KEY };
const TYPED_PUT_SENTINEL: RequestOf<'PutObject'> = { kind: 'PutObject', key: SENTINEL_KEY, contentType: 'application/octet-stream' };
const PART_SENTINEL: RequestOf<'UploadPart'> = { kind: 'UploadPart', key: SENTINEL_KEY, uploadId: 'u', partNumber: 1 };

const KINDS: { readonly [K in PresignableRequest['kind']]: KindSpec<RequestOf<K>> } = {
  GetObject: {
    command: (bucket, r) =>
      new GetObjectCommand({
        Bucket: bucket,
        Key: r.key,
        ...(r.responseContentDisposition ? { ResponseContentDisposition: r.responseContentDisposition } : {}),
        ...(r.responseContentType ? { ResponseContentType: r.responseContentType } : {}),
      }),
    ownQuery: (r) => {
      const query: Record<string, string> = {};
      if (r.responseContentDisposition) query['response-content-disposition'] = r.responseContentDisposition;
      if (r.responseContentType) query['response-content-type'] = r.responseContentType;
      return query;
    },
    signedHeaders: () => undefined,
    shape: () => ({ name: 'GetObject', sentinel: GET_SENTINEL }),
  },
  PutObject: {
    command: (bucket, r) => new PutObjectCommand({ Bucket: bucket, Key: r.key, ...(r.contentType ? { ContentType: r.contentType } : {}) }),
    ownQuery: () => ({}),
    // The SDK's presigner leaves Content-Type unsigned; signing it makes an upload of another type fail.
    signedHeaders: (r) => (r.contentType ? { 'content-type': r.contentType } : undefined),
    shape: (r) => (r.contentType ? { name: 'PutObject+content-type', sentinel: TYPED_PUT_SENTINEL } : { name: 'PutObject', sentinel: PUT_SENTINEL }),
  },
  UploadPart: {
    command: (bucket, r) => new UploadPartCommand({ Bucket: bucket, Key: r.key, UploadId: r.uploadId, PartNumber: r.partNumber }),
    ownQuery: (r) => ({ partNumber: String(r.partNumber), uploadId: r.uploadId }),
    signedHeaders: () => undefined,
    shape: () => ({ name: 'UploadPart', sentinel: PART_SENTINEL }),
  },
};

/** The spec of a request's kind. */
export const specOf = (request: PresignableRequest): KindSpec<PresignableRequest> => KINDS[request.kind] as KindSpec<PresignableRequest>;
