import { GetObjectCommand, PutObjectCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it, vi } from 'vitest';
import type { StoredProfile } from '../../../common/profile';
import { contentDisposition } from '../../../common/content-disposition';
import { createS3Client } from '../../../core/s3/client';
import { FastSigV4 } from '../../../core/signing/fast-sigv4';
import { getRequest, responseOverrides } from '../../../core/signing/link-options';
import type { PresignableRequest } from '../../../core/signing/presignable';
import { Presigner } from '../../../core/signing/presigner';
import { HARD_KEYS, TEST_KEYS, testProfile } from '../../support/signing';

const NOW = new Date('2026-03-01T10:00:00Z');

const PROFILES: Record<string, StoredProfile> = {
  'path-style (S3-compatible endpoint)': testProfile(),
  'virtual-host (AWS)': testProfile({ endpoint: '', pathStyle: false, region: 'eu-central-1' }),
  'virtual-host (custom endpoint)': testProfile({ endpoint: 'https://s3.example.test:8443', pathStyle: false, region: 'auto' }),
  'path-style forced for a dotted bucket on AWS': testProfile({ endpoint: '', pathStyle: true, bucket: 'my.dotted.bucket', region: 'us-east-1' }),
  'virtual-host, dotted bucket (custom endpoint)': testProfile({ endpoint: 'https://s3.example.test', pathStyle: false, bucket: 'my.dotted.bucket' }),
};

const SECRETS = [{ ...TEST_KEYS }, { ...TEST_KEYS, sessionToken: 'IQoJb3JpZ2luX2VjE+/=' }];

/** The SDK's command and signable headers for a request: what getSignedUrl is given for it. */
function sdkCommand(bucket: string, r: PresignableRequest) {
  if (r.kind === 'GetObject') {
    const input = {
      Bucket: bucket,
      Key: r.key,
      ...(r.responseContentDisposition ? { ResponseContentDisposition: r.responseContentDisposition } : {}),
      ...(r.responseContentType ? { ResponseContentType: r.responseContentType } : {}),
    };
    return { command: new GetObjectCommand(input) };
  }
  if (r.kind === 'UploadPart') return { command: new UploadPartCommand({ Bucket: bucket, Key: r.key, UploadId: r.uploadId, PartNumber: r.partNumber }) };
  if (!r.contentType) return { command: new PutObjectCommand({ Bucket: bucket, Key: r.key }) };
  return { command: new PutObjectCommand({ Bucket: bucket, Key: r.key, ContentType: r.contentType }), signableHeaders: new Set(['content-type']) };
}

/** getSignedUrl's URL for `r`: the reference every URL of the presigner must equal byte for byte. */
async function reference(client: S3Client, bucket: string, r: PresignableRequest, expiresIn: number, signingDate: Date): Promise<string> {
  const { command, signableHeaders } = sdkCommand(bucket, r);
  return getSignedUrl(client, command as GetObjectCommand, { expiresIn, signingDate, ...(signableHeaders ? { signableHeaders } : {}) });
}

/** One request of every kind for each key: GET links (plain, named, typed), PUTs (untyped, typed) and parts. */
const everyKind = (keys: readonly string[]): PresignableRequest[] =>
  keys.flatMap((key, i): PresignableRequest[] => [
    getRequest(key, {}),
    getRequest(key, { downloadName: `Zeugnis für Ärztin (final) ${i} 100%.pdf`, disposition: 'inline', contentType: 'text/plain; charset=utf-8' }),
    { kind: 'PutObject', key },
    { kind: 'PutObject', key, contentType: i % 2 ? 'image/png' : ' text/plain;   charset=utf-8 ' },
    { kind: 'UploadPart', key, uploadId: 'up/1+2~', partNumber: i + 1 },
  ]);

describe.each(Object.entries(PROFILES))('one presigner for every kind, %s', (_label, profile) => {
  it('produces URLs byte-identical to getSignedUrl for GET links, PUTs (typed or not) and UploadParts', async () => {
    const requests = everyKind(HARD_KEYS);
    for (const secret of SECRETS) {
      const client = createS3Client(profile, secret);
      const fast = vi.spyOn(FastSigV4.prototype, 'signatureFor');
      const urls = await new Presigner(client, profile.bucket).sign(requests, 3600, NOW);
      // Every URL signed on the fast path, plus one self-check per shape (GET, PUT, typed PUT, UploadPart): none fell back.
      expect(fast).toHaveBeenCalledTimes(requests.length + 4);
      fast.mockRestore();
      expect(urls).toHaveLength(requests.length);
      for (const [i, r] of requests.entries()) expect(urls[i]).toBe(await reference(client, profile.bucket, r, 3600, NOW));
    }
  });
});

describe('Presigner', () => {
  it('signs batches of GET links as getSignedUrl does, response overrides included', async () => {
    const profile = testProfile();
    const client = createS3Client(profile, { ...TEST_KEYS });
    const options = { disposition: 'inline' as const, contentType: 'text/plain; charset=utf-8' };
    const urls = await new Presigner(client, profile.bucket).sign(
      HARD_KEYS.map((k) => getRequest(k, options)),
      3600,
      NOW,
    );
    for (const [i, key] of HARD_KEYS.entries()) {
      const command = new GetObjectCommand({ Bucket: profile.bucket, Key: key, ...responseOverrides(key, options) });
      expect(urls[i]).toBe(await getSignedUrl(client, command, { expiresIn: 3600, signingDate: NOW }));
    }
  });

  it('signs one URL at a time, as an upload queue does, each byte-identical for its own second and lifetime', async () => {
    const profile = testProfile();
    const client = createS3Client(profile, { ...TEST_KEYS });
    const presigner = new Presigner(client, profile.bucket);
    const calls: [PresignableRequest, number, Date][] = [
      [getRequest('a.txt', {}), 3600, NOW],
      [getRequest('b.txt', {}), 3600, new Date(NOW.getTime() + 400)], // same second: shares the first call's parts
      [getRequest('c.txt', {}), 60, new Date(NOW.getTime() + 400)], // same second, another lifetime
      [{ kind: 'PutObject', key: 'c.txt' }, 60, new Date(NOW.getTime() + 400)], // same second, another kind
      [getRequest('d.txt', {}), 3600, new Date(NOW.getTime() + 1000)], // the next second
      [getRequest('e.txt', {}), 3600, NOW], // back to the first second
    ];
    for (const [r, expiresIn, date] of calls) {
      const [url] = await presigner.sign([r], expiresIn, date);
      expect(url).toBe(await reference(client, profile.bucket, r, expiresIn, date));
    }
  });

  it('runs one full SDK presign per kind and second, however many URLs it signs', async () => {
    const keys = ['plain.txt', 'dir/with space/ümlaut (1)!.jpg', "a+b=c&d'e*~.bin"];
    for (const profile of [testProfile(), testProfile({ pathStyle: false, endpoint: 'https://s3.example.com' })]) {
      const client = createS3Client(profile, { ...TEST_KEYS, sessionToken: 'tok/en+=' });
      const presigner = new Presigner(client, profile.bucket);
      const later = new Date(NOW.getTime() + 999);
      const full = vi.spyOn(SignatureV4.prototype, 'presign');
      try {
        for (const key of [...keys, ...keys]) {
          const put: PresignableRequest = { kind: 'PutObject', key };
          const part: PresignableRequest = { kind: 'UploadPart', key, uploadId: 'up/1+2', partNumber: 3 };
          expect(await presigner.sign([put], 900, later)).toEqual([await reference(client, profile.bucket, put, 900, later)]);
          expect(await presigner.sign([part], 900, later)).toEqual([await reference(client, profile.bucket, part, 900, later)]);
        }
        // getSignedUrl presigns through SignatureV4 too (2 per key); ours added one per kind (PUT, UploadPart).
        expect(full.mock.calls.length).toBe(keys.length * 2 * 2 + 2);
      } finally {
        full.mockRestore();
      }
    }
  });

  it('signs the same share link (GET with a download name) as the SDK, and no checksum parameters anywhere', async () => {
    const profile = testProfile();
    const client = createS3Client(profile, { ...TEST_KEYS });
    const name = 'Zeugnis für Ärztin (final) 100%.pdf';
    const requests = everyKind([`x/${name}`]);
    const urls = await new Presigner(client, profile.bucket).sign(requests, 900, NOW);
    const sdk = await getSignedUrl(
      client,
      new GetObjectCommand({ Bucket: profile.bucket, Key: `x/${name}`, ResponseContentDisposition: contentDisposition(name) }),
      { expiresIn: 900, signingDate: NOW },
    );
    expect(await new Presigner(client, profile.bucket).sign([getRequest(`x/${name}`, { downloadName: name })], 900, NOW)).toEqual([sdk]);
    for (const url of urls) expect(url).not.toMatch(/x-amz-checksum|x-amz-sdk-checksum-algorithm/i);
    expect(new URL(urls[4]!).searchParams.get('X-Amz-Credential')).toContain('/eu-west-2/s3/');
  });

  it('falls back to getSignedUrl, still byte-identical, if its self-check ever disagrees with the SDK', async () => {
    const broken = vi.spyOn(FastSigV4.prototype, 'signatureFor').mockReturnValue('0'.repeat(64));
    try {
      const profile = testProfile();
      const client = createS3Client(profile, { ...TEST_KEYS });
      const urls = await new Presigner(client, profile.bucket).sign(
        HARD_KEYS.map((k) => getRequest(k, {})),
        60,
        NOW,
      );
      expect(broken).toHaveBeenCalledTimes(1);
      for (const [i, key] of HARD_KEYS.entries()) expect(urls[i]).toBe(await reference(client, profile.bucket, getRequest(key, {}), 60, NOW));
      const uploads = everyKind(['big.iso']).filter((r) => r.kind !== 'GetObject');
      const uploadUrls = await new Presigner(client, profile.bucket).sign(uploads, 60, NOW);
      for (const [i, r] of uploads.entries()) expect(uploadUrls[i]).toBe(await reference(client, profile.bucket, r, 60, NOW));
    } finally {
      broken.mockRestore();
    }
  });

  it('refuses an empty key, whatever the kind', async () => {
    const presigner = new Presigner(createS3Client(testProfile(), { ...TEST_KEYS }), 'my-bucket');
    await expect(presigner.sign([getRequest('a', {}), getRequest('', {})], 60, NOW)).rejects.toThrow(/empty/);
    await expect(presigner.sign([{ kind: 'PutObject', key: '' }], 60, NOW)).rejects.toThrow(/empty/);
  });
});
