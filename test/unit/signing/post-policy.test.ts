import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { isSigndropError } from '../../../common/result';
import { signingKey } from '../../support/sigv4';
import { signerFor, TEST_KEYS, testProfile } from '../../support/signing';

const NOW = new Date('2026-03-01T10:00:00Z');

function decodePolicy(fields: Readonly<Record<string, string>>): { expiration: string; conditions: unknown[] } {
  return JSON.parse(Buffer.from(fields['Policy']!, 'base64').toString('utf8'));
}

describe('Signer.presignPost', () => {
  it('signs a policy with the size range, key prefix, content type and expiry, for the profile region', async () => {
    const signer = await signerFor(testProfile(), undefined, () => NOW);
    const post = await signer.presignPost('p1', {
      expiresInSeconds: 600,
      keyPrefix: 'inbox/2026/',
      maxBytes: 1_000_000,
      minBytes: 1,
      contentType: 'image/png',
    });
    expect(post.url).toBe('http://127.0.0.1:9000/my-bucket');
    expect(post.expiresAt).toBe('2026-03-01T10:10:00.000Z');
    expect(post.fields['key']).toBe('inbox/2026/${filename}');
    expect(post.fields['Content-Type']).toBe('image/png');
    expect(post.fields['X-Amz-Credential']).toBe(`${TEST_KEYS.accessKeyId}/20260301/eu-west-2/s3/aws4_request`);
    expect(post.fields['X-Amz-Date']).toBe('20260301T100000Z');
    const policy = decodePolicy(post.fields);
    expect(policy.expiration).toBe('2026-03-01T10:10:00Z');
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, 1_000_000],
        ['starts-with', '$key', 'inbox/2026/'],
        { 'Content-Type': 'image/png' },
        { bucket: 'my-bucket' },
      ]),
    );
    expect(JSON.stringify(post.fields)).not.toMatch(/checksum/i);
  });

  it('is signed as SigV4 POST policies are: HMAC of the base64 policy with the derived key', async () => {
    const signer = await signerFor(testProfile(), undefined, () => NOW);
    const post = await signer.presignPost('p1', { expiresInSeconds: 60, keyPrefix: 'a/', maxBytes: 10 });
    const expected = createHmac('sha256', signingKey(TEST_KEYS.secretAccessKey, '20260301', 'eu-west-2', 's3'))
      .update(post.fields['Policy']!)
      .digest('hex');
    expect(post.fields['X-Amz-Signature']).toBe(expected);
  });

  it('accepts a content type prefix such as image/', async () => {
    const signer = await signerFor(testProfile(), undefined, () => NOW);
    const post = await signer.presignPost('p1', { expiresInSeconds: 60, keyPrefix: '', maxBytes: 10, contentType: 'image/' });
    expect(decodePolicy(post.fields).conditions).toContainEqual(['starts-with', '$Content-Type', 'image/']);
    expect(post.fields['Content-Type']).toBeUndefined();
  });

  it('clamps to temporary credentials and carries their token', async () => {
    const expiration = new Date(NOW.getTime() + 300_000).toISOString();
    const signer = await signerFor(testProfile(), { secretAccessKey: TEST_KEYS.secretAccessKey, sessionToken: 'tok', expiration }, () => NOW);
    const post = await signer.presignPost('p1', { expiresInSeconds: 86_400, keyPrefix: 'a/', maxBytes: 10 });
    expect(post.clampedBy).toBe('credentials');
    expect(post.expiresAt).toBe(expiration);
    expect(post.warning).toMatch(/5 minutes, not 1 day/);
    expect(post.fields['X-Amz-Security-Token']).toBe('tok');
  });

  it.each([
    [{ maxBytes: 0 }, /size limit/],
    [{ maxBytes: 6 * 1024 ** 3 }, /5 GiB/],
    [{ maxBytes: 10, minBytes: 11 }, /smallest accepted size/],
    [{ maxBytes: 10, keyPrefix: 'a\nb/' }, /control characters/],
    [{ maxBytes: 10, expiresInSeconds: 604_801 }, /at most 7 days/],
  ])('refuses %j with a reason', async (overrides, message) => {
    const signer = await signerFor(testProfile(), undefined, () => NOW);
    const attempt = signer.presignPost('p1', { expiresInSeconds: 60, keyPrefix: 'a/', ...overrides });
    await expect(attempt).rejects.toThrow(message);
    await attempt.catch((e: unknown) => expect(isSigndropError(e)).toBe(true));
  });
});
