import { randomUUID } from 'node:crypto';
import type { StoredProfile } from '../../common/profile';
import type { UploadMode } from '../../common/requests';
import { S3ResponseError } from '../errors/s3-response-error';
import { deleteObject } from '../signing/delete-object';
import type { Signer } from '../signing/signer';
import { REQUESTS_FOLDER } from './request-prefix';

/** The probe's policy is used at once. */
const PROBE_EXPIRY_S = 300;

/**
 * Which store a mode was found for: POST support belongs to the store, so the CLI's one-off
 * profiles and a saved profile on the same bucket share what was found.
 */
export const storeKey = (profile: Pick<StoredProfile, 'endpoint' | 'bucket'>): string => `${profile.endpoint || 'aws'} ${profile.bucket}`;

/**
 * Finds out whether the store takes browser-form uploads: one 1-byte POST with a policy, the way
 * the request page will send files. 2xx: `post`. 501 NotImplemented (Cloudflare R2, Backblaze B2
 * answer POST Object so): `put`. Anything else is an error in words (no write permission, a wrong
 * endpoint). The probe object is deleted again.
 */
export async function probeUploadMode(signer: Signer, profileId: string): Promise<UploadMode> {
  const key = `${REQUESTS_FOLDER}.signdrop-probe-${randomUUID()}`;
  const post = await signer.presignPost(profileId, { expiresInSeconds: PROBE_EXPIRY_S, keyPrefix: REQUESTS_FOLDER, exactKey: key, maxBytes: 1 });
  const form = new FormData();
  for (const [name, value] of Object.entries(post.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array([0])]), 'probe');
  const res = await fetch(post.url, { method: 'POST', body: form });
  const body = await res.text();
  if (res.status === 501) return 'put';
  if (!res.ok) throw S3ResponseError.fromBody(res.status, body, 's3:PutObject', post.url);
  // A 1-byte leftover is harmless: a store that refuses the delete still took the upload.
  await deleteObject(signer, profileId, key).catch(() => undefined);
  return 'post';
}
