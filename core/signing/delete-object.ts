import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import type { Signer } from './signer';

/**
 * Deletes an object: the only way to end access through a presigned link before it expires
 * (a SigV4 link cannot be revoked; it stays valid as long as the object and the key exist).
 */
export async function deleteObject(signer: Signer, profileId: string, key: string): Promise<void> {
  const { client, profile } = await signer.resolve(profileId);
  await client.send(new DeleteObjectCommand({ Bucket: profile.bucket, Key: key }));
}
