import { describe, expect, it } from 'vitest';
import { StoredProfile } from '../../../common/profile';
import { MemoryCredentialStore } from '../../../core/credentials/credential-store';
import { resolveCredentials } from '../../../core/credentials/resolve-credentials';

const envProfile = StoredProfile.parse({
  id: 'command-line',
  name: 'command line',
  endpoint: '',
  region: '',
  bucket: 'photos',
  pathStyle: false,
  credentials: { kind: 'env' },
});

describe('a profile whose keys come from the environment', () => {
  it('reads the keys from the environment it is given, not from the credential store', async () => {
    const store = new MemoryCredentialStore();
    await store.set('command-line', { secretAccessKey: 'from-the-store' });
    const env = { AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'env-secret' };
    expect(await resolveCredentials(envProfile, store, { env })).toEqual({ accessKeyId: 'AKIAENV', secretAccessKey: 'env-secret' });
  });

  it('keeps a session token and its expiry, and ignores an expiry without a token', async () => {
    const store = new MemoryCredentialStore();
    const expiration = '2030-01-01T00:00:00.000Z';
    const temporary = { AWS_ACCESS_KEY_ID: 'ASIA1', AWS_SECRET_ACCESS_KEY: 's', AWS_SESSION_TOKEN: 'token', AWS_CREDENTIAL_EXPIRATION: expiration };
    expect(await resolveCredentials(envProfile, store, { env: temporary })).toEqual({
      accessKeyId: 'ASIA1',
      secretAccessKey: 's',
      sessionToken: 'token',
      expiration,
    });
    const longTerm = { AWS_ACCESS_KEY_ID: 'AKIA1', AWS_SECRET_ACCESS_KEY: 's', AWS_CREDENTIAL_EXPIRATION: expiration };
    expect(await resolveCredentials(envProfile, store, { env: longTerm })).toEqual({ accessKeyId: 'AKIA1', secretAccessKey: 's' });
  });

  it('says which variables to set when half a key is missing', async () => {
    await expect(resolveCredentials(envProfile, new MemoryCredentialStore(), { env: { AWS_ACCESS_KEY_ID: 'AKIA1' } })).rejects.toMatchObject({
      appError: { code: 'credentials-unavailable', message: expect.stringContaining('set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY') },
    });
  });
});
