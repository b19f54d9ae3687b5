import { GetObjectCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredProfile } from '../../../common/profile';
import { MemoryCredentialStore } from '../../../core/credentials/credential-store';
import { ProfileStore } from '../../../core/profiles/profile-store';
import type { ClientExtras } from '../../../core/s3/client';
import { Signer } from '../../../core/signing/signer';
import type { LocalFile } from '../../../core/uploads/collect-files';
import { rgwProfile } from '../../support/rgw-signer';
import { adminClient, RGW_USER } from '../../support/s3';

/** The test user's profile 'p' on one bucket, reached through `endpoint` (radosgw itself, or the fault proxy in front of it). */
export function testProfile(endpoint: string, bucket: string): StoredProfile {
  return rgwProfile(bucket, { endpoint, id: 'p' });
}

/** A credential store holding the secret of profile 'p', as the keychain would. */
export async function testCredentials(): Promise<MemoryCredentialStore> {
  const credentials = new MemoryCredentialStore();
  await credentials.set('p', { secretAccessKey: RGW_USER.secretAccessKey });
  return credentials;
}

/** Saves profile 'p' where createCore reads profiles, and returns its secret's store. */
export async function saveTestProfile(dataDir: string, endpoint: string, bucket: string, changes: Partial<StoredProfile> = {}): Promise<MemoryCredentialStore> {
  await new ProfileStore(dataDir).save({ ...testProfile(endpoint, bucket), ...changes });
  return testCredentials();
}

/** A Signer for the test user, talking to `endpoint`. */
export async function testSigner(endpoint: string, bucket: string, clientExtras: ClientExtras = {}): Promise<Signer> {
  const profile = testProfile(endpoint, bucket);
  return new Signer({ get: async (id) => (id === 'p' ? profile : undefined) }, await testCredentials(), undefined, process.env, clientExtras);
}

export const tempDir = () => mkdtemp(join(tmpdir(), 'signdrop-transfer-'));

/** Writes `size` random bytes and returns the file as the queue takes it, with its MD5. */
export async function makeFile(dir: string, name: string, size: number): Promise<LocalFile & { md5: string }> {
  const path = join(dir, name);
  const data = randomBytes(size);
  await writeFile(path, data);
  const info = await stat(path);
  return { path, relativePath: name, size, mtimeMs: info.mtimeMs, md5: createHash('md5').update(data).digest('hex') };
}

/** MD5 of what the store holds under `key`, read back through the admin client. */
export async function storedMd5(bucket: string, key: string): Promise<string> {
  const out = await adminClient().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const hash = createHash('md5');
  for await (const chunk of out.Body as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

export async function openMultipartUploads(bucket: string): Promise<number> {
  const out = await adminClient().send(new ListMultipartUploadsCommand({ Bucket: bucket }));
  return out.Uploads?.length ?? 0;
}

/** Fast retries, so fault tests take seconds, not minutes. */
export const FAST_RETRY = { attempts: 10, baseDelayMs: 20, maxDelayMs: 300 };

export const MIB = 1024 * 1024;
