import { utimes } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toAppError } from '../../../core/errors/to-app-error';
import { uploadFile, type TransferSettings } from '../../../core/transfer/file-upload';
import { MIB } from '../../../core/transfer/part-plan';
import { FakeStore, randomFile } from './fake-store';

const settings: TransferSettings = {
  multipartThreshold: 8 * MIB,
  partSize: 5 * MIB,
  partConcurrency: 2,
  connectTimeoutMs: 5000,
  firstByteTimeoutMs: 5000,
  idleTimeoutMs: 5000,
  urlExpirySeconds: 3600,
  now: Date.now,
  retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 5 },
};

describe('one file upload', () => {
  let store: FakeStore;
  beforeEach(async () => {
    store = await new FakeStore().start();
  });
  afterEach(() => store.close());

  const run = async (size: number, over: Partial<TransferSettings> = {}) => {
    const file = await randomFile(size);
    let bytes = 0;
    const result = await uploadFile({
      signer: store.signer(),
      ref: { profileId: 'p', key: 'k' },
      file,
      settings: { ...settings, ...over },
      signal: new AbortController().signal,
      onBytes: (n) => (bytes += n),
      onCheckpoint: () => undefined,
    });
    return { result, bytes };
  };

  it('a small file changed after it was queued (same size, new mtime) is refused before a byte is sent', async () => {
    const file = await randomFile(64 * 1024);
    await utimes(file.path, new Date(), new Date(file.mtimeMs + 5000));
    let received = 0;
    const answer = store.answer;
    store.answer = (info) => (received++, answer(info));
    const upload = uploadFile({
      signer: store.signer(),
      ref: { profileId: 'p', key: 'k' },
      file,
      settings,
      signal: new AbortController().signal,
      onBytes: () => undefined,
      onCheckpoint: () => undefined,
    });
    await expect(upload).rejects.toMatchObject({ appError: { code: 'file-changed', retryable: false } });
    await expect(upload).rejects.toThrow(/f\.bin changed after it was added.*add it again/);
    expect(received).toBe(0);
  });

  it('an expired part URL is signed again and the part retried', async () => {
    let first = true;
    store.urlLife = -1; // the first URL handed out is already dead
    const answer = store.answer;
    store.answer = (info) => {
      if (first) {
        first = false;
        store.urlLife = 3600;
      }
      return answer(info);
    };
    const { result, bytes } = await run(12 * MIB, { partConcurrency: 1 });
    expect(result.integrity).toBe('verified');
    expect(bytes).toBe(12 * MIB); // the failed attempt's bytes were taken back
    expect(store.signed.filter((q) => q.startsWith('partNumber')).length).toBe(4); // 3 parts + 1 re-sign
  });

  it('a part whose ETag is not its MD5 is sent again', async () => {
    let lies = 1;
    store.answer = ({ md5 }) => ({ etag: lies-- > 0 ? '0'.repeat(32) : md5 });
    const { result } = await run(12 * MIB);
    expect(result.integrity).toBe('verified');
  });

  it('bytes that keep arriving wrong fail loudly with both checksums', async () => {
    store.answer = () => ({ etag: 'f'.repeat(32) });
    await expect(run(1000)).rejects.toMatchObject({
      appError: { code: 'integrity-mismatch', message: expect.stringMatching(/does not match.*ETag f+, expected [0-9a-f]{32}/) },
    });
  });

  it('a multipart object whose final ETag disagrees with the part MD5s is reported, not trusted', async () => {
    store.headEtag = () => `${'a'.repeat(32)}-3`;
    await expect(run(12 * MIB)).rejects.toMatchObject({ appError: { code: 'integrity-mismatch', retryable: false } });
  });

  it('a store with opaque ETags (SSE-KMS) uploads, and says the check was skipped', async () => {
    store.answer = () => ({ etag: 'kms-opaque-etag-0123456789abcdef0123456789' });
    expect((await run(1000)).result.integrity).toBe('skipped');
    store.headEtag = () => 'kms-opaque';
    expect((await run(12 * MIB)).result.integrity).toBe('skipped');
  });

  it('a 403 is not retried', async () => {
    let calls = 0;
    store.answer = () => {
      calls++;
      return { status: 403, body: '<Error><Code>AccessDenied</Code></Error>' };
    };
    // The HTTP layer throws the answer as data; the error model words it (toAppError).
    const error = await run(1000).catch((e: unknown) => e);
    expect(toAppError(error)).toMatchObject({ code: 'access-denied', retryable: false });
    expect(calls).toBe(1);
  });
});
