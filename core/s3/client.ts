import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { StoredProfile } from '../../common/profile';
import type { ResolvedCredentials } from '../credentials/resolve-credentials';

/** AWS needs some region to sign; S3-compatible stores mostly accept any, and this one is AWS's default. */
export const DEFAULT_REGION = 'us-east-1';

/** Settings a caller may add, e.g. test connection's single attempt and recording handler. */
export type ClientExtras = Pick<S3ClientConfig, 'maxAttempts' | 'requestHandler' | 'followRegionRedirects'>;

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
    // Retries of the SDK's own calls (Create/Complete multipart, HeadObject); transfers retry themselves.
    maxAttempts: 3,
    // The SDK's own calls (multipart control) retry in the bucket's region after a 301 from AWS
    // instead of failing; presigned URLs get the right region from checkBucketRegion instead.
    followRegionRedirects: true,
    ...extras,
  });
}
