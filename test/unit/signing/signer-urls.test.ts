import { describe, expect, it } from 'vitest';
import { MemoryCredentialStore } from '../../../core/credentials/credential-store';
import { Signer } from '../../../core/signing/signer';
import { transferSignerFor } from '../../../core/signing/signer-for-transfers';
import { verifyPresignedUrl } from '../../support/sigv4';
import { HARD_KEYS, signerFor, TEST_KEYS, testProfile } from '../../support/signing';

const NOW = new Date('2026-03-01T10:00:00Z');

describe('Signer.presignGetBatch', () => {
  it('matches presignGet link for link, download names included, and every link verifies', async () => {
    const signer = await signerFor(testProfile(), undefined, () => NOW);
    const items = HARD_KEYS.map((key, i) => (i % 2 ? { key, downloadName: `renamed ${i} 😀.bin` } : key));
    const batch = await signer.presignGetBatch('p1', items, { expiresInSeconds: 900 });
    expect(batch.expiresAt).toBe('2026-03-01T10:15:00.000Z');
    expect(batch.clampedBy).toBeUndefined();
    for (const [i, item] of items.entries()) {
      const single =
        typeof item === 'string'
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
});

describe('upload URLs and temporary credentials', () => {
  const inMinutes = (m: number) => new Date(NOW.getTime() + m * 60_000).toISOString();
  const temporary = (expiration: string) => ({ secretAccessKey: TEST_KEYS.secretAccessKey, sessionToken: 'tok', expiration });
  const expiresIn = (url: string) => Number(new URL(url).searchParams.get('X-Amz-Expires'));
  const ref = { profileId: 'p1', key: 'big/file.iso' };

  it('never outlive the credentials they are signed with: PUT, UploadPart and the share link alike', async () => {
    const signer = await signerFor(testProfile(), temporary(inMinutes(10)), () => NOW);
    const transfers = transferSignerFor(signer);
    const put = await transfers.presignPut(ref, 3600);
    const part = await transfers.presignPart(ref, 'upload-1', 4, 3600);
    const link = await transfers.presignGet(ref, 86_400, 'file.iso');
    for (const signed of [put, part, link]) {
      expect(signed.expiresAt).toBe(inMinutes(10));
      expect(expiresIn(signed.url)).toBe(600);
    }
    expect(verifyPresignedUrl(put.url, { method: 'PUT', secretAccessKey: TEST_KEYS.secretAccessKey, at: NOW }).problems).toEqual([]);
    expect(verifyPresignedUrl(part.url, { method: 'PUT', secretAccessKey: TEST_KEYS.secretAccessKey, at: NOW }).problems).toEqual([]);
    expect(new URL(part.url).searchParams.get('partNumber')).toBe('4');
    expect(await signer.presignUploadPart('p1', ref.key, { uploadId: 'u', partNumber: 1, expiresInSeconds: 3600 })).toMatchObject({
      method: 'PUT',
      clampedBy: 'credentials',
    });
  });

  it("use the Signer's clock, and keep their own lifetime when the credentials outlive it", async () => {
    const signer = await signerFor(testProfile(), temporary(inMinutes(90)), () => NOW);
    const put = await transferSignerFor(signer).presignPut(ref, 3600);
    expect(put.expiresAt).toBe(inMinutes(60));
    expect(new URL(put.url).searchParams.get('X-Amz-Date')).toBe('20260301T100000Z');
  });

  it('are refused once the credentials have expired, with words, not a URL that fails later', async () => {
    const signer = await signerFor(testProfile(), temporary(inMinutes(-1)), () => NOW);
    await expect(transferSignerFor(signer).presignPut(ref, 3600)).rejects.toMatchObject({ appError: { code: 'credentials-expired' } });
    await expect(transferSignerFor(signer).presignPart(ref, 'u', 1, 3600)).rejects.toMatchObject({ appError: { code: 'credentials-expired' } });
  });
});
