import { describe, expect, it } from 'vitest';
import { isSigndropError } from '../../../common/result';
import { verifyPresignedUrl } from '../../support/sigv4';
import { signerFor, TEST_KEYS, testProfile } from '../../support/signing';

const NOW = new Date('2026-03-01T10:00:00Z');
const clock = () => NOW;
const CHECKSUM_PARAMS = /x-amz-checksum-|x-amz-sdk-checksum-algorithm|x-amz-checksum-mode/i;

const verify = (url: string, method: string, headers?: Record<string, string>) =>
  verifyPresignedUrl(url, { method, secretAccessKey: TEST_KEYS.secretAccessKey, at: NOW, ...(headers ? { headers } : {}) });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (isSigndropError(e)) return e.appError.code;
    throw e;
  }
  return 'no error';
}

describe('Signer presigned GET', () => {
  it('signs a link that verifies under SigV4 with the profile region in the scope and no checksum parameters', async () => {
    const signer = await signerFor(testProfile(), undefined, clock);
    const link = await signer.presignGet('p1', 'reports/q1 final.pdf', { expiresInSeconds: 3600 });
    const result = verify(link.url, 'GET');
    expect(result.problems).toEqual([]);
    expect(result.scope.region).toBe('eu-west-2');
    expect(result.accessKeyId).toBe(TEST_KEYS.accessKeyId);
    expect(result.expiresIn).toBe(3600);
    expect(link.url).not.toMatch(CHECKSUM_PARAMS);
    expect(link).toMatchObject({ method: 'GET', expiresAt: '2026-03-01T11:00:00.000Z' });
    expect(link.clampedBy).toBeUndefined();
  });

  it('names the download with response-content-disposition, inline or attachment, and overrides the type', async () => {
    const signer = await signerFor(testProfile(), undefined, clock);
    const link = await signer.presignGet('p1', 'x/abc', {
      expiresInSeconds: 900,
      downloadName: 'Café 😀 "draft".pdf',
      disposition: 'inline',
      contentType: 'application/pdf',
    });
    const result = verify(link.url, 'GET');
    expect(result.valid).toBe(true);
    expect(result.query.get('response-content-disposition')).toBe(
      `inline; filename="Cafe _ _draft_.pdf"; filename*=UTF-8''Caf%C3%A9%20%F0%9F%98%80%20%22draft%22.pdf`,
    );
    expect(result.query.get('response-content-type')).toBe('application/pdf');
    expect(link.url).not.toMatch(CHECKSUM_PARAMS);
  });

  it("names the download after the key's last segment by default", async () => {
    const signer = await signerFor(testProfile(), undefined, clock);
    const link = await signer.presignGet('p1', 'f3b1/holiday photo.jpg', { expiresInSeconds: 60 });
    expect(verify(link.url, 'GET').query.get('response-content-disposition')).toMatch(/^attachment; filename="holiday photo.jpg"/);
  });

  it('signs virtual-host style links for AWS with the right region', async () => {
    const signer = await signerFor(testProfile({ endpoint: '', pathStyle: false, region: 'ap-southeast-2' }), undefined, clock);
    const link = await signer.presignGet('p1', 'a/b.txt', { expiresInSeconds: 60 });
    expect(link.url.startsWith('https://my-bucket.s3.ap-southeast-2.amazonaws.com/a/b.txt?')).toBe(true);
    const result = verify(link.url, 'GET');
    expect(result.valid).toBe(true);
    expect(result.scope.region).toBe('ap-southeast-2');
  });

  it('carries the session token of temporary credentials and still verifies', async () => {
    const signer = await signerFor(testProfile(), { secretAccessKey: TEST_KEYS.secretAccessKey, sessionToken: 'FwoGZXIvYXdzE+token/=' }, clock);
    const link = await signer.presignGet('p1', 'k', { expiresInSeconds: 60 });
    const result = verify(link.url, 'GET');
    expect(result.valid).toBe(true);
    expect(result.query.get('X-Amz-Security-Token')).toBe('FwoGZXIvYXdzE+token/=');
  });

  it('accepts every preset and any lifetime from 1 s to 7 days', async () => {
    const signer = await signerFor(testProfile(), undefined, clock);
    for (const seconds of [1, 900, 3600, 86_400, 604_800, 12_345]) {
      const link = await signer.presignGet('p1', 'k', { expiresInSeconds: seconds });
      expect(verify(link.url, 'GET').expiresIn).toBe(seconds);
      expect(link.expiresAt).toBe(new Date(NOW.getTime() + seconds * 1000).toISOString());
    }
  });

  it('refuses more than 7 days with a message saying the limit', async () => {
    const signer = await signerFor(testProfile(), undefined, clock);
    const attempt = signer.presignGet('p1', 'k', { expiresInSeconds: 604_801 });
    await expect(attempt).rejects.toThrow(/at most 7 days/);
    expect(await codeOf(signer.presignGet('p1', 'k', { expiresInSeconds: 604_801 }))).toBe('expiry-too-long');
    expect(await codeOf(signer.presignGet('p1', 'k', { expiresInSeconds: 0 }))).toBe('invalid-input');
  });
});

describe('Signer presigned PUT', () => {
  it('signs the Content-Type when given, so the upload must send exactly it', async () => {
    const signer = await signerFor(testProfile(), undefined, clock);
    const put = await signer.presignPut('p1', 'up/a b.png', { expiresInSeconds: 600, contentType: 'image/png' });
    expect(put.method).toBe('PUT');
    expect(put.url).not.toMatch(CHECKSUM_PARAMS);
    const result = verify(put.url, 'PUT', { 'content-type': 'image/png' });
    expect(result.problems).toEqual([]);
    expect(result.signedHeaders).toEqual(['content-type', 'host']);
    expect(verify(put.url, 'PUT', { 'content-type': 'text/plain' }).valid).toBe(false);
    expect(verify(put.url, 'GET', { 'content-type': 'image/png' }).valid).toBe(false);
  });

  it('signs only Host when no type is given, with no checksum parameters', async () => {
    const signer = await signerFor(testProfile(), { secretAccessKey: TEST_KEYS.secretAccessKey, sessionToken: 'tok' }, clock);
    const put = await signer.presignPut('p1', 'up/x', { expiresInSeconds: 600 });
    const result = verify(put.url, 'PUT');
    expect(result.valid).toBe(true);
    expect(result.signedHeaders).toEqual(['host']);
    expect(result.scope.region).toBe('eu-west-2');
    expect(put.url).not.toMatch(CHECKSUM_PARAMS);
  });
});

describe('Signer with temporary credentials', () => {
  const inMinutes = (m: number) => new Date(NOW.getTime() + m * 60_000).toISOString();
  const temporary = (expiration: string) => ({ secretAccessKey: TEST_KEYS.secretAccessKey, sessionToken: 'tok', expiration });

  it('reports before signing that the link dies with the credentials', async () => {
    const signer = await signerFor(testProfile(), temporary(inMinutes(45)), clock);
    const lifetime = await signer.linkLifetime('p1', 86_400);
    expect(lifetime).toMatchObject({ requestedSeconds: 86_400, seconds: 2700, clampedBy: 'credentials', expiresAt: inMinutes(45) });
    expect(lifetime.warning).toMatch(/temporary credentials.*45 minutes, not 1 day/);
  });

  it('signs the shorter lifetime and returns the real expiry and a warning', async () => {
    const signer = await signerFor(testProfile(), temporary(inMinutes(90)), clock);
    const link = await signer.presignGet('p1', 'k', { expiresInSeconds: 604_800 });
    expect(link.expiresAt).toBe(inMinutes(90));
    expect(link.clampedBy).toBe('credentials');
    expect(link.warning).toMatch(/1 hour|90 minutes|about 1 hour/);
    expect(verify(link.url, 'GET').expiresIn).toBe(5400);
    const put = await signer.presignPut('p1', 'k', { expiresInSeconds: 604_800 });
    expect(put.clampedBy).toBe('credentials');
    expect(verify(put.url, 'PUT').expiresIn).toBe(5400);
  });

  it('leaves a lifetime shorter than the credentials alone', async () => {
    const signer = await signerFor(testProfile(), temporary(inMinutes(90)), clock);
    const link = await signer.presignGet('p1', 'k', { expiresInSeconds: 900 });
    expect(link.clampedBy).toBeUndefined();
    expect(link.warning).toBeUndefined();
    expect(link.expiresAt).toBe(inMinutes(15));
  });

  it('refuses to sign with credentials that already expired', async () => {
    const signer = await signerFor(testProfile(), temporary(inMinutes(-1)), clock);
    expect(await codeOf(signer.presignGet('p1', 'k', { expiresInSeconds: 60 }))).toBe('credentials-expired');
    await expect(signer.linkLifetime('p1', 60)).rejects.toThrow(/expired at .*Refresh them/);
  });

  it('ignores an expiry on long-term keys (no session token)', async () => {
    const signer = await signerFor(testProfile(), { secretAccessKey: TEST_KEYS.secretAccessKey, expiration: inMinutes(5) }, clock);
    expect((await signer.linkLifetime('p1', 3600)).clampedBy).toBeUndefined();
  });
});

describe('Signer profile resolution', () => {
  it('says when the profile is gone or has no secret', async () => {
    const signer = await signerFor(testProfile(), undefined, clock);
    expect(await codeOf(signer.presignGet('nope', 'k', { expiresInSeconds: 60 }))).toBe('not-found');
    const { Signer } = await import('../../../core/signing/signer');
    const { MemoryCredentialStore } = await import('../../../core/credentials/credential-store');
    const bare = new Signer({ get: async () => testProfile() }, new MemoryCredentialStore(), clock);
    expect(await codeOf(bare.presignGet('p1', 'k', { expiresInSeconds: 60 }))).toBe('missing-secret');
  });
});
