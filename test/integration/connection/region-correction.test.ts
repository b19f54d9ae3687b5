import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoredProfile } from '../../../common/profile';
import { createCore, type RegionCorrection } from '../../../core';
import { MemoryCredentialStore } from '../../../core/credentials/credential-store';
import { OneOffProfiles } from '../../../core/profiles/one-off-profiles';
import { createTestApp, type TestApp } from '../../support/app';
import { permanentRedirectAnswer, startFakeS3, wrongRegionAnswer, type FakeS3 } from '../../support/fake-s3-errors';
import { RGW_USER } from '../../support/s3';

const keys = { accessKeyId: RGW_USER.accessKeyId, secretAccessKey: RGW_USER.secretAccessKey };

/** The region a presigned URL is signed for, from its credential scope. */
const signedRegion = (url: string) => /^[^/]+\/\d{8}\/([^/]+)\//.exec(new URL(url).searchParams.get('X-Amz-Credential') ?? '')?.[1];

let fake: FakeS3 | undefined;
let app: TestApp | undefined;
afterEach(async () => {
  await fake?.close();
  await app?.close();
  fake = undefined;
  app = undefined;
});

describe('the app saves a profile with the region its bucket names', () => {
  it('corrects a wrong region that the store refuses, through the profiles:save handler', async () => {
    fake = await startFakeS3(() => wrongRegionAnswer('photos', 'eu-west-2'));
    app = await createTestApp();
    const saved = await app.invoke('profiles:save', {
      name: 'Moved bucket',
      endpoint: fake.endpoint,
      region: 'us-east-1',
      bucket: 'photos',
      pathStyle: true,
      ...keys,
    });
    expect(saved).toMatchObject({ ok: true, value: { region: 'eu-west-2', hasSecret: true } });
    const listed = await app.invoke('profiles:list', undefined);
    expect(listed).toMatchObject({ ok: true, value: [{ name: 'Moved bucket', region: 'eu-west-2' }] });
    const file = JSON.parse(await readFile(join(app.dataDir, 'profiles.json'), 'utf8')) as { profiles: StoredProfile[] };
    expect(file.profiles.map((p) => p.region)).toEqual(['eu-west-2']);
    // One question, asked with the keys just typed.
    expect(fake.seen).toEqual(['HEAD /photos/']);
  });

  it('fills in an empty region', async () => {
    fake = await startFakeS3((req) => permanentRedirectAnswer('photos', 'ap-southeast-2', req.method ?? 'GET'));
    app = await createTestApp();
    const saved = await app.invoke('profiles:save', { name: 'No region', endpoint: fake.endpoint, region: '', bucket: 'photos', pathStyle: true, ...keys });
    expect(saved).toMatchObject({ ok: true, value: { region: 'ap-southeast-2' } });
  });

  it('keeps a region the store names differently but accepts', async () => {
    fake = await startFakeS3(() => ({ status: 200, headers: { 'x-amz-bucket-region': 'default' } }));
    app = await createTestApp();
    const saved = await app.invoke('profiles:save', {
      name: 'Lenient store',
      endpoint: fake.endpoint,
      region: 'us-east-1',
      bucket: 'photos',
      pathStyle: true,
      ...keys,
    });
    expect(saved).toMatchObject({ ok: true, value: { region: 'us-east-1' } });
  });

  it('saves the typed region when the store cannot be reached', async () => {
    fake = await startFakeS3(() => ({ status: 200 }));
    const endpoint = fake.endpoint;
    await fake.close();
    fake = undefined;
    app = await createTestApp();
    const saved = await app.invoke('profiles:save', { name: 'Offline', endpoint, region: 'eu-central-1', bucket: 'photos', pathStyle: true, ...keys });
    expect(saved).toMatchObject({ ok: true, value: { region: 'eu-central-1' } });
  });
});

describe('region on first use', () => {
  it('signs links for the region the bucket names when the profile has none, and leaves the profile as it was', async () => {
    fake = await startFakeS3((req) => permanentRedirectAnswer('photos', 'eu-north-1', req.method ?? 'GET'));
    const dataDir = await mkdtemp(join(tmpdir(), 'signdrop-first-use-'));
    const credentials = new MemoryCredentialStore();
    await credentials.set('one-off', { secretAccessKey: keys.secretAccessKey });
    const profile = StoredProfile.parse({
      id: 'one-off',
      name: 'one off',
      endpoint: fake.endpoint,
      region: '',
      bucket: 'photos',
      pathStyle: true,
      accessKeyId: keys.accessKeyId,
    });
    const profiles = new OneOffProfiles(profile);
    const corrections: RegionCorrection[] = [];
    try {
      const core = await createCore({ dataDir, credentials, profiles, keepQueue: false, onRegionCorrected: (c) => corrections.push(c) });
      const first = await core.signer.presignGet('one-off', 'a.txt', { expiresInSeconds: 60 });
      const second = await core.signer.presignPut('one-off', 'b.txt', { expiresInSeconds: 60 });
      expect([signedRegion(first.url), signedRegion(second.url)]).toEqual(['eu-north-1', 'eu-north-1']);
      expect(fake.seen).toEqual(['HEAD /photos/']);
      // Filled in, not corrected: there was no region to call wrong.
      expect(corrections).toEqual([]);
      expect((await profiles.get('one-off'))?.region).toBe('');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
