import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredProfile } from '../../../common/profile';
import { MemoryCredentialStore } from '../../../core/credentials/credential-store';
import type { ResolvedCredentials } from '../../../core/credentials/resolve-credentials';
import { ProfileService } from '../../../core/profiles/profile-service';
import { ProfileStore } from '../../../core/profiles/profile-store';
import type { checkBucketRegion } from '../../../core/s3/region';
import { Signer } from '../../../core/signing/signer';

/** A region check that asks no bucket: the profile stays as typed. */
const keepRegion: typeof checkBucketRegion = async (profile) => ({ profile });

async function setup(checkRegion: typeof checkBucketRegion = keepRegion) {
  const store = new ProfileStore(await mkdtemp(join(tmpdir(), 'signdrop-service-')));
  const secrets = new MemoryCredentialStore();
  return { store, secrets, service: new ProfileService({ profiles: store, credentials: secrets, signer: new Signer(store, secrets), checkRegion }) };
}

const fields = { name: 'Work', endpoint: '', region: 'eu-west-2', bucket: 'photos', pathStyle: false };

describe('ProfileService', () => {
  it('refuses a second profile with the same name, whatever its case', async () => {
    const { service } = await setup();
    await service.save({ ...fields, accessKeyId: 'AKIA1', secretAccessKey: 's1' });
    await expect(service.save({ ...fields, name: 'work', accessKeyId: 'AKIA2', secretAccessKey: 's2' })).rejects.toMatchObject({
      appError: { code: 'invalid-input', message: expect.stringContaining('already exists') },
    });
  });

  it('keeps the stored secret when an edit leaves it empty, and never returns it', async () => {
    const { service, secrets } = await setup();
    const view = await service.save({ ...fields, accessKeyId: 'AKIA1', secretAccessKey: 's1' });
    const edited = await service.save({ ...view, bucket: 'other-bucket' });
    expect(edited).toMatchObject({ bucket: 'other-bucket', hasSecret: true });
    expect(JSON.stringify(edited)).not.toContain('s1');
    expect(await secrets.get(view.id)).toEqual({ secretAccessKey: 's1' });
  });

  it('needs an access key id for keychain keys but none for an AWS profile', async () => {
    const { service, secrets } = await setup();
    await expect(service.save({ ...fields, secretAccessKey: 's1' })).rejects.toMatchObject({ appError: { code: 'invalid-input' } });
    const view = await service.save({ ...fields, accessKeyId: 'ignored', credentials: { kind: 'aws-profile', profile: 'dev' } });
    expect(view).toMatchObject({ accessKeyId: '', credentials: { kind: 'aws-profile', profile: 'dev' }, hasSecret: true });
    expect(await secrets.get(view.id)).toBeUndefined();
  });

  it('removes the keychain item with the profile', async () => {
    const { service, secrets } = await setup();
    const view = await service.save({ ...fields, accessKeyId: 'AKIA1', secretAccessKey: 's1' });
    await service.remove(view.id);
    expect(await secrets.get(view.id)).toBeUndefined();
    expect(await service.list()).toEqual([]);
  });
});

describe('ProfileService finds the bucket region when a profile is saved', () => {
  it('saves the region the bucket names, asked with the keys just typed before the keychain is written', async () => {
    const asked: { profile: StoredProfile; keys: ResolvedCredentials; keychainHeld: boolean }[] = [];
    const { service, store, secrets } = await setup(async (profile, credentials, options) => {
      expect(options).toEqual({ always: true });
      asked.push({ profile, keys: await credentials(), keychainHeld: (await secrets.get(profile.id)) !== undefined });
      return { profile: { ...profile, region: 'ap-south-1' }, corrected: { from: profile.region, to: 'ap-south-1' } };
    });
    const view = await service.save({ ...fields, accessKeyId: 'AKIA1', secretAccessKey: 's1', sessionToken: 't1' });
    expect(view.region).toBe('ap-south-1');
    expect((await store.get(view.id))?.region).toBe('ap-south-1');
    expect(asked).toEqual([
      {
        profile: expect.objectContaining({ id: view.id, region: 'eu-west-2' }),
        keys: { accessKeyId: 'AKIA1', secretAccessKey: 's1', sessionToken: 't1' },
        keychainHeld: false,
      },
    ]);
  });

  it('asks with the kept secret when an edit leaves it empty', async () => {
    const seen: ResolvedCredentials[] = [];
    const { service } = await setup(async (profile, credentials) => {
      seen.push(await credentials());
      return { profile };
    });
    const view = await service.save({ ...fields, accessKeyId: 'AKIA1', secretAccessKey: 's1' });
    await service.save({ ...view, bucket: 'other-bucket' });
    expect(seen).toEqual([
      { accessKeyId: 'AKIA1', secretAccessKey: 's1' },
      { accessKeyId: 'AKIA1', secretAccessKey: 's1' },
    ]);
  });

  it('asks nothing when an edit keeps where the profile points (a new default expiry)', async () => {
    let asked = 0;
    const { service } = await setup(async (profile) => {
      asked++;
      return { profile };
    });
    const view = await service.save({ ...fields, accessKeyId: 'AKIA1', secretAccessKey: 's1' });
    const edited = await service.save({ ...view, defaultExpirySeconds: 3 * 86_400 });
    expect(edited.defaultExpirySeconds).toBe(3 * 86_400);
    expect(asked).toBe(1);
  });

  it('keeps the typed region when the bucket cannot be asked (offline, expired keys)', async () => {
    const { service } = await setup(async () => {
      throw new Error('getaddrinfo ENOTFOUND photos.s3.amazonaws.com');
    });
    const view = await service.save({ ...fields, accessKeyId: 'AKIA1', secretAccessKey: 's1' });
    expect(view.region).toBe('eu-west-2');
  });
});
