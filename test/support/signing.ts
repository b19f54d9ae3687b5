import type { StoredProfile } from '../../common/profile';
import { MemoryCredentialStore, type Secret } from '../../core/credentials/credential-store';
import { Signer } from '../../core/signing/signer';

/** Credentials only the unit tests know; nothing is sent anywhere with them. */
export const TEST_KEYS = { accessKeyId: 'AKIDSIGNDROPTEST', secretAccessKey: 'signdrop/test+secret/KEY' } as const;

export function testProfile(overrides: Partial<StoredProfile> = {}): StoredProfile {
  return {
    id: 'p1',
    name: 'test',
    endpoint: 'http://127.0.0.1:9000',
    region: 'eu-west-2',
    bucket: 'my-bucket',
    pathStyle: true,
    accessKeyId: TEST_KEYS.accessKeyId,
    credentials: { kind: 'keychain' },
    keyTemplate: '{uuid}/{filename}',
    defaultExpirySeconds: 86_400,
    ...overrides,
  };
}

/** A Signer over one in-memory profile and secret, with a clock the test controls. */
export async function signerFor(
  profile: StoredProfile,
  secret: Secret = { secretAccessKey: TEST_KEYS.secretAccessKey },
  now: () => Date = () => new Date(),
): Promise<Signer> {
  const credentials = new MemoryCredentialStore();
  await credentials.set(profile.id, secret);
  return new Signer({ get: async (id) => (id === profile.id ? profile : undefined) }, credentials, now);
}
