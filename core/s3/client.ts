import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { StoredProfile } from '../../common/profile';
import type { ResolvedCredentials } from '../credentials/resolve-credentials';
import { DEFAULT_TIMEOUTS, type RequestTimeouts } from '../transfer/timeouts';

/** AWS needs some region to sign; S3-compatible stores mostly accept any, and this one is AWS's default. */
export const DEFAULT_REGION = 'us-east-1';

/** Settings a caller may add, e.g. test connection's single attempt and recording handler. */
export type ClientExtras = Pick<S3ClientConfig, 'maxAttempts' | 'requestHandler' | 'followRegionRedirects'>;

/**
 * The SDK's own calls (multipart control, HeadObject, listings) get the same connect and idle
 * time-outs as the streamed PUTs: by default the SDK waits forever for a store that accepts the
 * connection and never answers. Idle, not total: AWS keeps a long CompleteMultipartUpload alive
 * with whitespace, and such an answer must not be cut for taking long.
 */
export function sdkRequestHandler(t: RequestTimeouts = DEFAULT_TIMEOUTS): NonNullable<ClientExtras['requestHandler']> {
  return { connectionTimeout: t.connectTimeoutMs, socketTimeout: Math.max(t.idleTimeoutMs, t.firstByteTimeoutMs) };
}

/** Retries of the SDK's own calls (Create/Complete multipart, HeadObject); transfers retry themselves. */
export const SDK_MAX_ATTEMPTS = 3;

/**
 * An S3 client for a profile. Checksums only WHEN_REQUIRED: since SDK 3.729 the default adds
 * CRC32 parameters to presigned PUT/UploadPart URLs (the checksum of an empty body), which
 * AWS, R2 and MinIO then reject (aws/aws-sdk-js-v3#6810), and `x-amz-checksum-mode` to GET links.
 */
export function createS3Client(profile: StoredProfile, credentials: ResolvedCredentials, extras: ClientExtras = {}): S3Client {
  return new S3Client({
    region: profile.region || DEFAULT_REGION,
    ...(profile.endpoint ? { endpoint: profile.endpoint } : {}),
    forcePathStyle: profile.pathStyle,
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
    },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: SDK_MAX_ATTEMPTS,
    // The SDK's own calls (multipart control) retry in the bucket's region after a 301 from AWS
    // instead of failing; presigned URLs get the right region from checkBucketRegion instead.
    followRegionRedirects: true,
    requestHandler: sdkRequestHandler(),
    ...extras,
  });
}
