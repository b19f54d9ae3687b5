import { DeleteObjectsCommand } from '@aws-sdk/client-s3';
import { describeS3Failure, type FailureContext } from '../errors/s3-failure';
import { toAppError } from '../errors/to-app-error';
import type { Signer } from './signer';

/** S3's limit: one DeleteObjects request names at most 1,000 keys. */
export const MAX_KEYS_PER_DELETE = 1000;

/** What deleting many objects did: the keys gone, and the others each with why, in words. */
export interface DeleteOutcome {
  readonly deleted: string[];
  readonly failed: { key: string; message: string }[];
}

const ACTION = 's3:DeleteObject';

/**
 * The words for one key the store refused inside a DeleteObjects answer (which itself was 200):
 * access denied as every other request words it, any other code as the store gave it.
 */
function keyFailure(error: { Code?: string | undefined; Message?: string | undefined }, where: FailureContext): string {
  if (error.Code === 'AccessDenied') return describeS3Failure({ action: ACTION, status: 403, errorCode: error.Code }, where).message;
  const detail = [error.Code, error.Message].filter(Boolean).join(': ');
  return `The store did not delete it${detail ? ` (${detail})` : ''}.`;
}

/**
 * Deletes many objects of one bucket with as few requests as S3 allows: DeleteObjects, 1,000 keys
 * a request, in Quiet mode (the answer lists only the keys that failed, each with the store's
 * code). The SDK adds the body checksum the operation requires (a CRC32 header; radosgw and AWS
 * refuse DeleteObjects without a checksum or Content-MD5). A request that fails as a whole fails
 * each of its keys with the same words; the other requests still run.
 */
export async function deleteObjects(signer: Signer, profileId: string, bucket: string, keys: readonly string[]): Promise<DeleteOutcome> {
  const { client, profile } = await signer.resolve(profileId);
  const where = { endpoint: profile.endpoint, bucket, accessKeyId: profile.accessKeyId };
  const deleted: string[] = [];
  const failed: DeleteOutcome['failed'] = [];
  const unique = [...new Set(keys)];
  for (let start = 0; start < unique.length; start += MAX_KEYS_PER_DELETE) {
    const chunk = unique.slice(start, start + MAX_KEYS_PER_DELETE);
    try {
      const answer = await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Quiet: true, Objects: chunk.map((Key) => ({ Key })) } }));
      const refused = new Map<string, string>();
      for (const error of answer.Errors ?? []) if (error.Key !== undefined) refused.set(error.Key, keyFailure(error, where));
      for (const key of chunk) {
        const why = refused.get(key);
        if (why === undefined) deleted.push(key);
        else failed.push({ key, message: why });
      }
    } catch (e) {
      const { message } = toAppError(e, { ...where, action: ACTION });
      failed.push(...chunk.map((key) => ({ key, message })));
    }
  }
  return { deleted, failed };
}
