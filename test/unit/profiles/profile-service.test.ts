import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryCredentialStore } from '../../../core/credentials/credential-store';
import { ProfileService } from '../../../core/profiles/profile-service';
import { ProfileStore } from '../../../core/profiles/profile-store';
import { Signer } from '../../../core/signing/signer';

async function setup() {
  const store = new ProfileStore(await mkdtemp(join(tmpdir(), 'signdrop-service-')));
  const secrets = new MemoryCredentialStore();
  return { secrets, service: new ProfileService(store, secrets, new Signer(store, secrets)) };
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
