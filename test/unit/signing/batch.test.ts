import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it, vi } from 'vitest';
import type { StoredProfile } from '../../../common/profile';
import { MemoryCredentialStore } from '../../../core/credentials/credential-store';
import { createS3Client } from '../../../core/s3/client';
import { GetLinkBatchSigner } from '../../../core/signing/batch';
import { BatchSigV4 } from '../../../core/signing/batch-sigv4';
import { responseOverrides } from '../../../core/signing/link-options';
import { Signer } from '../../../core/signing/signer';
import { verifyPresignedUrl } from '../../support/sigv4';
import { signerFor, TEST_KEYS, testProfile } from '../../support/signing';

const NOW = new Date('2026-03-01T10:00:00Z');

const HARD_KEYS = [
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

const PROFILES: Record<string, StoredProfile> = {
  'path-style (S3-compatible endpoint)': testProfile(),
  'virtual-host (AWS)': testProfile({ endpoint: '', pathStyle: false, region: 'eu-central-1' }),
  'virtual-host (custom endpoint)': testProfile({ endpoint: 'https://s3.example.test:8443', pathStyle: false, region: 'auto' }),
  'path-style forced for a dotted bucket on AWS': testProfile({ endpoint: '', pathStyle: true, bucket: 'my.dotted.bucket', region: 'us-east-1' }),
};

describe.each(Object.entries(PROFILES))('batch GET signing, %s', (_label, profile) => {
  it.each([
    ['defaults', {}],
    ['inline, typed', { disposition: 'inline' as const, contentType: 'text/plain; charset=utf-8' }],
  ])('produces URLs byte-identical to getSignedUrl (%s)', async (_name, extra) => {
    const options = { expiresInSeconds: 3600, ...extra };
    for (const secret of [{ ...TEST_KEYS }, { ...TEST_KEYS, sessionToken: 'IQoJb3JpZ2luX2VjE+/=' }]) {
      const client = createS3Client(profile, secret);
      const batch = await GetLinkBatchSigner.create(client, profile.bucket);
      const links = await batch.sign(HARD_KEYS, options, 3600, NOW);
      expect(links.map((l) => l.key)).toEqual(HARD_KEYS);
      for (const [i, key] of HARD_KEYS.entries()) {
        const command = new GetObjectCommand({ Bucket: profile.bucket, Key: key, ...responseOverrides(key, options) });
        const reference = await getSignedUrl(client, command, { expiresIn: 3600, signingDate: NOW });
        expect(links[i]!.url).toBe(reference);
      }
    }
  });
});

describe('Signer.presignGetBatch', () => {
  it('matches presignGet link for link, download names included, and every link verifies', async () => {
    const signer = await signerFor(testProfile(), undefined, () => NOW);
    const items = HARD_KEYS.map((key, i) => (i % 2 ? { key, downloadName: `renamed ${i} 😀.bin` } : key));
    const batch = await signer.presignGetBatch('p1', items, { expiresInSeconds: 900 });
    expect(batch.expiresAt).toBe('2026-03-01T10:15:00.000Z');
    expect(batch.clampedBy).toBeUndefined();
    for (const [i, item] of items.entries()) {
      const single = typeof item === 'string'
        ? await signer.presignGet('p1', item, { expiresInSeconds: 900 })
        : await signer.presignGet('p1', item.key, { expiresInSeconds: 900, downloadName: item.downloadName });
      expect(batch.links[i]!.url).toBe(single.url);
      const result = verifyPresignedUrl(single.url, { method: 'GET', secretAccessKey: TEST_KEYS.secretAccessKey, at: NOW });
      expect(result.problems).toEqual([]);
      expect(result.scope.region).toBe('eu-west-2');
      expect(single.url).not.toMatch(/x-amz-checksum|x-amz-sdk-checksum-algorithm/i);
    }
  });

  it('clamps the whole batch to temporary credentials and says so', async () => {
    const expiration = new Date(NOW.getTime() + 600_000).toISOString();
    const signer = await signerFor(testProfile(), { secretAccessKey: TEST_KEYS.secretAccessKey, sessionToken: 't', expiration }, () => NOW);
    const batch = await signer.presignGetBatch('p1', ['a', 'b'], { expiresInSeconds: 86_400 });
    expect(batch.expiresAt).toBe(expiration);
    expect(batch.clampedBy).toBe('credentials');
    expect(batch.warning).toMatch(/10 minutes, not 1 day/);
    expect(new URL(batch.links[0]!.url).searchParams.get('X-Amz-Expires')).toBe('600');
  });

  it('refuses an empty key and a lifetime over 7 days', async () => {
    const signer = await signerFor(testProfile(), undefined, () => NOW);
    await expect(signer.presignGetBatch('p1', ['a', ''], { expiresInSeconds: 60 })).rejects.toThrow(/empty/);
    await expect(signer.presignGetBatch('p1', ['a'], { expiresInSeconds: 604_801 })).rejects.toThrow(/at most 7 days/);
  });

  it('rebuilds its request template after forget(), when the profile changed bucket or region', async () => {
    let profile = testProfile();
    const credentials = new MemoryCredentialStore();
    await credentials.set('p1', { secretAccessKey: TEST_KEYS.secretAccessKey });
    const signer = new Signer({ get: async () => profile }, credentials, () => NOW);
    expect((await signer.presignGetBatch('p1', ['a'], { expiresInSeconds: 60 })).links[0]!.url).toMatch(/\/my-bucket\/a\?.*eu-west-2/);
    profile = testProfile({ bucket: 'moved-bucket', region: 'ca-central-1' });
    signer.forget('p1');
    const url = (await signer.presignGetBatch('p1', ['a'], { expiresInSeconds: 60 })).links[0]!.url;
    expect(url).toMatch(/\/moved-bucket\/a\?.*ca-central-1/);
    expect(verifyPresignedUrl(url, { method: 'GET', secretAccessKey: TEST_KEYS.secretAccessKey, at: NOW }).valid).toBe(true);
  });

  it('signs one link at a time, as an upload queue does, each byte-identical to getSignedUrl for its own second and lifetime', async () => {
    const profile = testProfile();
    const client = createS3Client(profile, { ...TEST_KEYS });
    const batch = await GetLinkBatchSigner.create(client, profile.bucket);
    const calls: [string, number, Date][] = [
      ['a.txt', 3600, NOW],
      ['b.txt', 3600, new Date(NOW.getTime() + 400)], // same second: shares the first call's parts
      ['c.txt', 60, new Date(NOW.getTime() + 400)], // same second, another lifetime
      ['d.txt', 3600, new Date(NOW.getTime() + 1000)], // the next second
      ['e.txt', 3600, NOW], // back to the first second
    ];
    for (const [key, expiresIn, date] of calls) {
      const [link] = await batch.sign([key], { expiresInSeconds: expiresIn }, expiresIn, date);
      const command = new GetObjectCommand({ Bucket: profile.bucket, Key: key, ...responseOverrides(key, {}) });
      expect(link!.url).toBe(await getSignedUrl(client, command, { expiresIn, signingDate: date }));
    }
  });

  it('falls back to the SDK presign, still byte-identical, if its self-check ever disagrees with the SDK', async () => {
    const broken = vi.spyOn(BatchSigV4.prototype, 'signatureFor').mockReturnValue('0'.repeat(64));
    try {
      const profile = testProfile();
      const client = createS3Client(profile, { ...TEST_KEYS });
      const links = await (await GetLinkBatchSigner.create(client, profile.bucket)).sign(HARD_KEYS, { expiresInSeconds: 60 }, 60, NOW);
      expect(broken).toHaveBeenCalledTimes(1);
      for (const [i, key] of HARD_KEYS.entries()) {
        const command = new GetObjectCommand({ Bucket: profile.bucket, Key: key, ...responseOverrides(key, {}) });
        expect(links[i]!.url).toBe(await getSignedUrl(client, command, { expiresIn: 60, signingDate: NOW }));
      }
    } finally {
      broken.mockRestore();
    }
  });
});
