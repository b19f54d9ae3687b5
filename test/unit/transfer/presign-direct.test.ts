import { GetObjectCommand, PutObjectCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it, vi } from 'vitest';
import type { StoredProfile } from '../../../common/profile';
import { contentDisposition } from '../../../common/content-disposition';
import { presignDirect } from '../../../core/signing/presign-direct';

const profile = (over: Partial<StoredProfile>): StoredProfile => ({
  id: 'p', name: 'p', endpoint: 'http://127.0.0.1:7480', region: 'eu-west-2', bucket: 'photos', pathStyle: true,
  accessKeyId: 'AKIDEXAMPLE', credentials: { kind: 'keychain' }, keyTemplate: '{filename}', defaultExpirySeconds: 60, ...over,
});
const client = (p: StoredProfile) =>
  new S3Client({
    region: p.region, endpoint: p.endpoint, forcePathStyle: p.pathStyle,
    credentials: { accessKeyId: p.accessKeyId, secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'tok/en+=' },
    requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED',
  });
const signingDate = new Date('2026-01-02T03:04:05Z');
/** Same URL up to the order of query parameters. */
const parts = (url: string) => {
  const u = new URL(url);
  return [u.origin + u.pathname, [...u.searchParams.entries()].sort()];
};

describe('direct presigning of upload URLs', () => {
  const keys = ['plain.txt', 'dir/with space/ümlaut (1)!.jpg', "a+b=c&d'e*~.bin"];
  for (const p of [profile({}), profile({ pathStyle: false, endpoint: 'https://s3.example.com' })]) {
    for (const key of keys) {
      it(`signs the same PUT URL as the SDK (${p.pathStyle ? 'path' : 'virtual-host'} style, ${key})`, async () => {
        const c = client(p);
        const sdk = await getSignedUrl(c, new PutObjectCommand({ Bucket: p.bucket, Key: key }), { expiresIn: 900, signingDate });
        const ours = await presignDirect(c, p, { method: 'PUT', key, expiresInSeconds: 900, signingDate });
        expect(parts(ours!)).toEqual(parts(sdk));
      });
    }
  }

  it('signs the same UploadPart URL as the SDK, with no checksum parameters', async () => {
    const p = profile({});
    const c = client(p);
    const sdk = await getSignedUrl(c, new UploadPartCommand({ Bucket: p.bucket, Key: 'big.iso', UploadId: 'up/1+2', PartNumber: 7 }), { expiresIn: 900, signingDate });
    const ours = await presignDirect(c, p, { method: 'PUT', key: 'big.iso', query: { partNumber: '7', uploadId: 'up/1+2' }, expiresInSeconds: 900, signingDate });
    expect(parts(ours!)).toEqual(parts(sdk));
    expect(ours).not.toMatch(/x-amz-checksum|x-amz-sdk-checksum-algorithm/i);
    expect(new URL(ours!).searchParams.get('X-Amz-Credential')).toContain('/eu-west-2/s3/');
  });

  it('signs the same share link (GET with a download name) as the SDK', async () => {
    const p = profile({});
    const c = client(p);
    const name = 'Zeugnis für Ärztin (final) 100%.pdf';
    const sdk = await getSignedUrl(c, new GetObjectCommand({ Bucket: p.bucket, Key: `x/${name}`, ResponseContentDisposition: contentDisposition(name) }), { expiresIn: 900, signingDate });
    const ours = await presignDirect(c, p, { method: 'GET', key: `x/${name}`, query: { 'response-content-disposition': contentDisposition(name) }, expiresInSeconds: 900, signingDate });
    expect(ours).toBe(sdk.split('?')[0] + '?' + new URL(ours!).search.slice(1));
    expect(parts(ours!)).toEqual(parts(sdk));
  });

  it('signs a run of URLs in the same second (as a queue does) each exactly as the SDK would, with one full presign', async () => {
    for (const p of [profile({}), profile({ pathStyle: false, endpoint: 'https://s3.example.com' })]) {
      const c = client(p);
      const full = vi.spyOn(SignatureV4.prototype, 'presign');
      try {
        const later = new Date(signingDate.getTime() + 999);
        for (const key of [...keys, ...keys]) {
          const sdk = await getSignedUrl(c, new PutObjectCommand({ Bucket: p.bucket, Key: key }), { expiresIn: 900, signingDate: later });
          expect(parts((await presignDirect(c, p, { method: 'PUT', key, expiresInSeconds: 900, signingDate: later }))!)).toEqual(parts(sdk));
          const part = new UploadPartCommand({ Bucket: p.bucket, Key: key, UploadId: 'up/1+2', PartNumber: 3 });
          const sdkPart = await getSignedUrl(c, part, { expiresIn: 900, signingDate: later });
          const oursPart = await presignDirect(c, p, { method: 'PUT', key, query: { partNumber: '3', uploadId: 'up/1+2' }, expiresInSeconds: 900, signingDate: later });
          expect(parts(oursPart!)).toEqual(parts(sdkPart));
        }
        const ours = full.mock.calls.length;
        // The next second, and another lifetime, are signed afresh (and still match).
        for (const [date, expiresIn] of [[new Date(signingDate.getTime() + 1000), 900], [signingDate, 60]] as const) {
          const sdk = await getSignedUrl(c, new PutObjectCommand({ Bucket: p.bucket, Key: 'k' }), { expiresIn, signingDate: date });
          expect(parts((await presignDirect(c, p, { method: 'PUT', key: 'k', expiresInSeconds: expiresIn, signingDate: date }))!)).toEqual(parts(sdk));
        }
        // getSignedUrl presigns through SignatureV4 too: ours added one full presign for the first second.
        expect(ours).toBe(keys.length * 4 + 1);
      } finally {
        full.mockRestore();
      }
    }
  });

  it('leaves AWS endpoints and dotted virtual-host buckets to the SDK', async () => {
    expect(await presignDirect(client(profile({ endpoint: '' })), profile({ endpoint: '' }), { method: 'PUT', key: 'k', expiresInSeconds: 60, signingDate })).toBeUndefined();
    const dotted = profile({ pathStyle: false, bucket: 'my.bucket' });
    expect(await presignDirect(client(dotted), dotted, { method: 'PUT', key: 'k', expiresInSeconds: 60, signingDate })).toBeUndefined();
  });
});
