/**
 * The two windows a crash used to lose a link in: after the store completed a multipart upload
 * but before the queue was saved, and after the queue saved a finished item but before its link
 * reached the history. Both end, at the next start, with the item completed and its link recorded.
 */
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../core';
import { MemoryCredentialStore } from '../../../core/credentials/credential-store';
import { ProfileStore } from '../../../core/profiles/profile-store';
import { transferSignerFor } from '../../../core/signing/signer-for-transfers';
import type { TransferSigner } from '../../../core/transfer/transfer-signer';
import { UploadQueue } from '../../../core/uploads/upload-queue';
import { createTestBucket, RGW_REGION, RGW_USER, rgwEndpoint } from '../../support/s3';
import { makeFile, MIB, openMultipartUploads, storedMd5, tempDir, testSigner } from '../transfer/helpers';

/** The profile `testSigner` signs for, saved where createCore reads profiles, with its secret. */
async function savedProfile(dataDir: string, bucket: string): Promise<MemoryCredentialStore> {
  await new ProfileStore(dataDir).save({
    id: 'p',
    name: 'test',
    endpoint: rgwEndpoint(),
    region: RGW_REGION,
    bucket,
    pathStyle: true,
    accessKeyId: RGW_USER.accessKeyId,
    credentials: { kind: 'keychain' },
  });
  const credentials = new MemoryCredentialStore();
  await credentials.set('p', { secretAccessKey: RGW_USER.secretAccessKey });
  return credentials;
}

describe('crash windows', () => {
  it('an engine stopped between CompleteMultipartUpload and the queue save completes the item with its link on restart, sending nothing again', async () => {
    const bucket = await createTestBucket('crash-complete');
    const dir = await tempDir();
    const file = await makeFile(dir, 'report.bin', 12 * MIB);
    const before = join(dir, 'before');
    let completed!: () => void;
    const stored = new Promise<void>((resolve) => (completed = resolve));
    const real = transferSignerFor(await testSigner(rgwEndpoint(), bucket));
    // The store completes the upload; then this engine never hears back, as if killed right there.
    const dying: TransferSigner = {
      ...real,
      completeMultipart: async (ref, uploadId, parts) => {
        await real.completeMultipart(ref, uploadId, parts);
        completed();
        return new Promise<string>(() => undefined);
      },
    };
    const queue = await UploadQueue.open(dying, { dataDir: before, multipartThreshold: 5 * MIB, partSize: 5 * MIB });
    await queue.enqueue({ profileId: 'p', expiresInSeconds: 600, files: [file] });
    await stored;
    // What the disk holds at the moment of the "kill": the last save, once it has caught up with the last part.
    const queueFile = join(before, 'upload-queue.json');
    await expect.poll(async () => JSON.parse(await readFile(queueFile, 'utf8')).entries[0].multipart?.parts.length, { timeout: 5000 }).toBe(3);
    const after = join(dir, 'after');
    await mkdir(after);
    await copyFile(queueFile, join(after, 'upload-queue.json'));
    const saved = JSON.parse(await readFile(join(after, 'upload-queue.json'), 'utf8')).entries[0];
    expect(saved.state).toBe('uploading');

    const core = await createCore({ dataDir: after, credentials: await savedProfile(after, bucket) });
    const [item] = core.uploads.list();
    // Completed as it was restored: nothing was uploaded again.
    expect(item).toMatchObject({ state: 'completed', integrity: 'verified', bytesSent: file.size });
    expect(item!.error).toBeUndefined();
    const got = Buffer.from(await (await fetch(item!.link!.url)).arrayBuffer());
    expect(got.length).toBe(file.size);
    expect(await storedMd5(bucket, item!.key)).toBe(file.md5);
    await core.links.flush();
    expect((await core.links.list()).map((l) => [l.key, l.url])).toEqual([[item!.key, item!.link!.url]]);
    expect(await openMultipartUploads(bucket)).toBe(0);
    await core.uploads.close();
  });

  it('a finished upload whose link never reached the history gets it at the next start, once', async () => {
    const bucket = await createTestBucket('crash-link');
    const dir = await tempDir();
    const dataDir = join(dir, 'data');
    const credentials = await savedProfile(dataDir, bucket);
    const file = await makeFile(dir, 'notes.txt', 2048);
    const first = await createCore({ dataDir, credentials });
    await first.uploads.enqueue({ profileId: 'p', expiresInSeconds: 600, files: [file] });
    await first.uploads.idle();
    await first.uploads.close();
    await first.links.flush();
    // The queue was saved with the item completed, but the link's line never reached the disk.
    await rm(join(dataDir, 'links.jsonl'));

    const second = await createCore({ dataDir, credentials });
    await second.links.flush();
    const links = await second.links.list();
    expect(links.map((l) => [l.key, l.url])).toEqual([[second.uploads.list()[0]!.key, second.uploads.list()[0]!.link!.url]]);
    await second.uploads.close();

    const third = await createCore({ dataDir, credentials });
    await third.links.flush();
    expect(await third.links.list()).toHaveLength(1);
    await third.uploads.close();
  });
});
