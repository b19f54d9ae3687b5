import { HeadBucketCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { SigndropError } from '../../common/result';
import { toAppError } from '../errors/to-app-error';
import type { Signer } from './signer';

const isNotFound = (e: unknown): boolean => (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/**
 * Fails in words when `key` is not in the profile's bucket, so a link is never handed out to a 404.
 * A HEAD answer has no body: a 404 could mean the bucket or the key, so the bucket is asked too.
 */
export async function checkObjectExists(signer: Signer, profileId: string, key: string): Promise<void> {
  const { client, profile } = await signer.resolve(profileId);
  const where = { endpoint: profile.endpoint, region: profile.region, bucket: profile.bucket, accessKeyId: profile.accessKeyId, action: 's3:GetObject' };
  try {
    await client.send(new HeadObjectCommand({ Bucket: profile.bucket, Key: key }));
    return;
  } catch (e) {
    if (!isNotFound(e)) throw new SigndropError(toAppError(e, where));
  }
  await client.send(new HeadBucketCommand({ Bucket: profile.bucket })).catch((e: unknown) => {
    throw new SigndropError(toAppError(e, { ...where, action: 's3:ListBucket' }));
  });
  throw SigndropError.of('not-found', `No object "${key}" in bucket "${profile.bucket}": check the key (it is case-sensitive), or upload the file first.`);
}
