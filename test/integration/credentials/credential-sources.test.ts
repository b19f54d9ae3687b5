import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeychainCredentialStore } from '../../../core/credentials/keychain-store';
import { resolveCredentials } from '../../../core/credentials/resolve-credentials';
import { createCore } from '../../../core';
import { ProfileStore } from '../../../core/profiles/profile-store';
import { adminClient, createTestBucket, RGW_USER, rgwEndpoint } from '../../support/s3';
import { PutObjectCommand } from '@aws-sdk/client-s3';

/** The AWS files live in a temporary HOME; the variables point there so nothing of the developer's is read. */
const AWS_VARS = ['HOME', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'] as const;
const saved: Partial<Record<(typeof AWS_VARS)[number], string>> = {};

beforeAll(async () => {
  for (const v of AWS_VARS) saved[v] = process.env[v];
  const home = await mkdtemp(join(tmpdir(), 'signdrop-aws-home-'));
  const config = join(home, 'config');
  const credentials = join(home, 'credentials');
  await writeFile(credentials, `[rgw-static]\naws_access_key_id = ${RGW_USER.accessKeyId}\naws_secret_access_key = ${RGW_USER.secretAccessKey}\n`);
  await writeFile(
    config,
    [
      '[profile rgw-static]',
      'region = us-east-1',
      '',
      '[profile dev-sso]',
      'sso_session = corp',
      'sso_account_id = 111122223333',
      'sso_role_name = Uploader',
      'region = eu-west-1',
      '',
      '[sso-session corp]',
      'sso_start_url = https://corp.awsapps.com/start',
      'sso_region = eu-west-1',
      '',
    ].join('\n'),
  );
  Object.assign(process.env, { HOME: home, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials });
  delete process.env['AWS_PROFILE'];
  delete process.env['AWS_ACCESS_KEY_ID'];
  delete process.env['AWS_SECRET_ACCESS_KEY'];
});

afterAll(() => {
  for (const v of AWS_VARS) {
    if (saved[v] === undefined) delete process.env[v];
    else process.env[v] = saved[v];
  }
});

/** The engine as the app assembles it, on a fresh data folder and keychain service. */
async function services() {
  const dir = await mkdtemp(join(tmpdir(), 'signdrop-cred-data-'));
  const store = new ProfileStore(dir);
  const keychain = new KeychainCredentialStore(`Signdrop-test-${Date.now()}-${Math.random()}`);
  const core = await createCore({ dataDir: dir, credentials: keychain, profiles: store, keepQueue: false });
  return { dir, store, keychain, signer: core.signer, service: core.profiles };
}

async function putObject(bucket: string, key: string, body: string): Promise<void> {
  await adminClient().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
}

describe('a profile whose keys come from ~/.aws (fromIni)', () => {
  it('signs links that radosgw serves, with nothing copied into our files or keychain', async () => {
    const bucket = await createTestBucket('cred-ini');
    await putObject(bucket, 'hello.txt', 'hello from ini');
    const { dir, service, signer, keychain } = await services();
    const view = await service.save({
      name: 'ini',
      endpoint: rgwEndpoint(),
      region: 'us-east-1',
      bucket,
      pathStyle: true,
      credentials: { kind: 'aws-profile', profile: 'rgw-static' },
    });
    expect(view.hasSecret).toBe(true);
    const link = await signer.presignGet(view.id, 'hello.txt', { expiresInSeconds: 60 });
    expect(link.url).toContain(`X-Amz-Credential=${RGW_USER.accessKeyId}`);
    const res = await fetch(link.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('hello from ini');
    expect(await readFile(join(dir, 'profiles.json'), 'utf8')).not.toContain(RGW_USER.secretAccessKey);
    expect(await keychain.get(view.id)).toBeUndefined();
  });

  it('reads a changed credentials file without a restart', async () => {
    const { service, store, keychain } = await services();
    const view = await service.save({
      name: 'ini2',
      endpoint: rgwEndpoint(),
      region: 'us-east-1',
      bucket: 'any-bucket',
      pathStyle: true,
      credentials: { kind: 'aws-profile', profile: 'rgw-static' },
    });
    const profile = (await store.get(view.id))!;
    expect((await resolveCredentials(profile, keychain)).accessKeyId).toBe(RGW_USER.accessKeyId);
    const file = process.env['AWS_SHARED_CREDENTIALS_FILE']!;
    const before = await readFile(file, 'utf8');
    await writeFile(file, before.replace(RGW_USER.accessKeyId, 'ROTATEDKEYID'));
    try {
      expect((await resolveCredentials(profile, keychain)).accessKeyId).toBe('ROTATEDKEYID');
    } finally {
      await writeFile(file, before);
    }
  });

  it('says which AWS profile is missing', async () => {
    const { service, signer } = await services();
    const view = await service.save({
      name: 'ghost',
      endpoint: rgwEndpoint(),
      region: 'us-east-1',
      bucket: 'any-bucket',
      pathStyle: true,
      credentials: { kind: 'aws-profile', profile: 'no-such-profile' },
    });
    await expect(signer.presignGet(view.id, 'k', { expiresInSeconds: 60 })).rejects.toMatchObject({
      appError: { code: 'credentials-unavailable', message: expect.stringContaining('"no-such-profile" was not found') },
    });
  });

  it('tells an SSO user without a live session to run aws sso login', async () => {
    const { service, signer } = await services();
    const view = await service.save({
      name: 'sso',
      endpoint: '',
      region: 'eu-west-1',
      bucket: 'any-bucket',
      pathStyle: false,
      credentials: { kind: 'aws-profile', profile: 'dev-sso' },
    });
    await expect(signer.presignGet(view.id, 'k', { expiresInSeconds: 60 })).rejects.toMatchObject({
      appError: { code: 'credentials-expired', message: expect.stringContaining('aws sso login --profile dev-sso') },
    });
  });
});

describe('a profile whose secret is in the OS keychain', () => {
  it('keeps the secret and session token in one keychain item, never in the profiles file', async () => {
    const bucket = await createTestBucket('cred-keychain');
    await putObject(bucket, 'k.txt', 'from the keychain');
    const { dir, service, signer, keychain } = await services();
    const view = await service.save({
      name: 'kc',
      endpoint: rgwEndpoint(),
      region: 'us-east-1',
      bucket,
      pathStyle: true,
      accessKeyId: RGW_USER.accessKeyId,
      secretAccessKey: RGW_USER.secretAccessKey,
    });
    expect(view).toMatchObject({ hasSecret: true, credentials: { kind: 'keychain' } });
    expect(JSON.stringify(view)).not.toContain(RGW_USER.secretAccessKey);
    expect(await readFile(join(dir, 'profiles.json'), 'utf8')).not.toContain(RGW_USER.secretAccessKey);
    const res = await fetch((await signer.presignGet(view.id, 'k.txt', { expiresInSeconds: 60 })).url);
    expect(await res.text()).toBe('from the keychain');

    await service.save({ ...view, secretAccessKey: 'temporary-secret', sessionToken: 'FwoGZXIvYXdzE-token' });
    expect(await keychain.get(view.id)).toEqual({ secretAccessKey: 'temporary-secret', sessionToken: 'FwoGZXIvYXdzE-token' });
    const signed = await signer.presignGet(view.id, 'k.txt', { expiresInSeconds: 60 });
    expect(new URL(signed.url).searchParams.get('X-Amz-Security-Token')).toBe('FwoGZXIvYXdzE-token');

    // Switching the profile to ~/.aws removes the keychain item rather than leave a stale secret.
    await service.save({ ...view, credentials: { kind: 'aws-profile', profile: 'rgw-static' } });
    expect(await keychain.get(view.id)).toBeUndefined();
    await service.remove(view.id);
    expect(await service.list()).toEqual([]);
  });

  it('refuses a keychain profile without a secret, with words', async () => {
    const { service } = await services();
    await expect(service.save({ name: 'nokey', endpoint: '', region: '', bucket: 'b-1', pathStyle: false, accessKeyId: 'AKIA' })).rejects.toMatchObject({
      appError: { code: 'missing-secret' },
    });
  });
});
