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

/** Keys whose bytes SigV4 encodes in every way it can go wrong: spaces, reserved and sub-delimiter characters, emoji, accents, a 250-byte name, slashes at the ends and doubled. */
export const HARD_KEYS = [
  'plain.txt',
  'uuid-1/a file with spaces.txt',
  'uuid-2/# ? % + & =.txt',
  "uuid-3/!'()*[]{}@$,;:.txt",
  'uuid-4/📦 party 🎉.zip',
  'uuid-5/Café.txt',
  `uuid-6/${'é'.repeat(125)}.txt`,
  'deep/er/and/deeper/file',
  'trailing/',
  '/leading-slash',
  'double//slash',
  'tilde~dash-under_score.dot',
];
