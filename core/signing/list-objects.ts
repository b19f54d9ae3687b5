import { HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { Signer } from './signer';

export interface ListedObject {
  readonly key: string;
  readonly size: number;
  readonly lastModified: string;
}

/** Every object under `prefix` (ListObjectsV2, page after page), in key order. */
export async function listObjects(signer: Signer, profileId: string, prefix: string): Promise<ListedObject[]> {
  const { client, profile } = await signer.resolve(profileId);
  const found: ListedObject[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: profile.bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }));
    for (const o of page.Contents ?? []) {
      if (o.Key) found.push({ key: o.Key, size: o.Size ?? 0, lastModified: (o.LastModified ?? new Date(0)).toISOString() });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return found;
}

/** The Content-Disposition and user metadata an object was stored with (HeadObject). */
export async function storedNaming(signer: Signer, profileId: string, key: string): Promise<{ disposition?: string; metadata: Record<string, string> }> {
  const { client, profile } = await signer.resolve(profileId);
  const head = await client.send(new HeadObjectCommand({ Bucket: profile.bucket, Key: key }));
  return { ...(head.ContentDisposition ? { disposition: head.ContentDisposition } : {}), metadata: head.Metadata ?? {} };
}
