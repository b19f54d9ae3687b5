import { CreateBucketCommand, ListMultipartUploadsCommand, ListObjectsV2Command, ListPartsCommand, S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';

/** The radosgw user scripts/rgw/start.sh creates. */
export const RGW_USER = { accessKeyId: 'TESTACCESSKEY', secretAccessKey: 'TESTSECRETKEY' } as const;
export const RGW_OTHER_USER = { accessKeyId: 'OTHERACCESSKEY', secretAccessKey: 'OTHERSECRETKEY' } as const;
export const RGW_REGION = 'us-east-1';

export function rgwEndpoint(): string {
  const endpoint = process.env['SIGNDROP_S3_ENDPOINT'];
  if (!endpoint) throw new Error('radosgw is not running: run this tier through vitest (its globalSetup starts it) or `npm run test:all`.');
  return endpoint;
}

/** A profile on the test bucket with the test user's keys, as the app's form sends it. */
export function rgwProfile(name: string, bucket: string) {
  return { name, endpoint: rgwEndpoint(), region: RGW_REGION, bucket, pathStyle: true, ...RGW_USER };
}

export function adminClient(user: { accessKeyId: string; secretAccessKey: string } = RGW_USER): S3Client {
  return new S3Client({
    endpoint: rgwEndpoint(),
    region: RGW_REGION,
    forcePathStyle: true,
    credentials: user,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Each test gets its own bucket, so tests never see each other's objects. */
export async function createTestBucket(prefix: string): Promise<string> {
  const name = `${prefix}-${randomBytes(4).toString('hex')}`.toLowerCase().slice(0, 63);
  await adminClient().send(new CreateBucketCommand({ Bucket: name }));
  return name;
}

/** Every key in a bucket, page after page, as the store lists them. */
export async function bucketKeys(bucket: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await adminClient().send(new ListObjectsV2Command({ Bucket: bucket, ...(token ? { ContinuationToken: token } : {}) }));
    keys.push(...(page.Contents ?? []).map((o) => o.Key!));
    token = page.NextContinuationToken;
  } while (token);
  return keys;
}

/**
 * The part numbers the bucket's one open multipart upload holds, once they stop changing. After a
 * client is killed, radosgw still finishes a part whose bytes had all arrived, a moment later: asked
 * at once, the store would not yet list it, and a test would expect the next run to send it.
 */
export async function settledParts(bucket: string): Promise<Set<number>> {
  const read = async () => {
    const { Uploads } = await adminClient().send(new ListMultipartUploadsCommand({ Bucket: bucket }));
    const upload = Uploads?.[0];
    if (!upload) return '';
    const { Parts } = await adminClient().send(new ListPartsCommand({ Bucket: bucket, Key: upload.Key, UploadId: upload.UploadId }));
    return (Parts ?? []).map((p) => p.PartNumber!).join(',');
  };
  let last = await read();
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const now = await read();
    if (now === last) break;
    last = now;
  }
  return new Set(last ? last.split(',').map(Number) : []);
}
