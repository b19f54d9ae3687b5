/**
 * The two windows a crash used to lose a link in: after the store completed a multipart upload
 * but before the queue was saved, and after the queue saved a finished item but before its link
 * reached the history. Both end, at the next start, with the item completed and its link recorded.
 */
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../core';
import { transferSignerFor } from '../../../core/signing/signer-for-transfers';
import type { TransferSigner } from '../../../core/transfer/transfer-signer';
import { UploadQueue } from '../../../core/uploads/upload-queue';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { adminClient, createTestBucket, rgwEndpoint } from '../../support/s3';
import { makeFile, MIB, openMultipartUploads, saveTestProfile, storedMd5, tempDir, testSigner } from '../transfer/helpers';

const headObject = (bucket: string, key: string) => adminClient().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
const putObject = (bucket: string, key: string, body: Buffer) => adminClient().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));

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

    const core = await createCore({ dataDir: after, credentials: await saveTestProfile(after, rgwEndpoint(), bucket) });
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

  /**
   * A single PUT the store took whole, its answer lost: what the disk holds at that moment is the
   * queue's last save, taken (when the signer signs the PUT) once the queue's regular save has
   * written the item as in flight.
   */
  async function singlePutKilledAfterStore(name: string, size: number) {
    const bucket = await createTestBucket(name);
    const dir = await tempDir();
    const file = await makeFile(dir, `${name}.bin`, size);
    const before = join(dir, 'before');
    const after = join(dir, 'after');
    await mkdir(after);
    const real = transferSignerFor(await testSigner(rgwEndpoint(), bucket));
    const atKill = join(after, 'upload-queue.json');
    const savedState = async () => JSON.parse(await readFile(join(before, 'upload-queue.json'), 'utf8')).entries[0].state;
    const signer: TransferSigner = {
      ...real,
      presignPut: async (ref, expires) => {
        await expect.poll(savedState, { timeout: 5000 }).toBe('uploading');
        await copyFile(join(before, 'upload-queue.json'), atKill);
        return real.presignPut(ref, expires);
      },
    };
    const queue = await UploadQueue.open(signer, { dataDir: before });
    await queue.enqueue({ profileId: 'p', expiresInSeconds: 600, files: [file] });
    await queue.idle();
    const stored = queue.list()[0]!;
    expect(stored.state).toBe('completed');
    await queue.close();
    return { bucket, file, after, atKill, stored };
  }

  const restoredItem = async (dataDir: string, bucket: string) => {
    const core = await createCore({ dataDir, credentials: await saveTestProfile(dataDir, rgwEndpoint(), bucket) });
    return { core, item: core.uploads.list()[0]! };
  };

  it('a single PUT the store took before the engine was stopped completes on restart with its link, sent once', async () => {
    const { bucket, file, after, atKill, stored } = await singlePutKilledAfterStore('crash-put', 3 * MIB);
    expect(JSON.parse(await readFile(atKill, 'utf8')).entries[0].state).toBe('uploading');
    const modifiedBefore = (await headObject(bucket, stored.key)).LastModified;

    // Recognised by the store's ETag against the file, read at restart (nothing was hashed before the PUT).
    const { core, item } = await restoredItem(after, bucket);
    expect(item).toMatchObject({ state: 'completed', integrity: 'verified', bytesSent: file.size, etag: file.md5 });
    const got = Buffer.from(await (await fetch(item.link!.url)).arrayBuffer());
    expect(got.length).toBe(file.size);
    // The object is the one the first run stored: nothing was sent again.
    expect((await headObject(bucket, stored.key)).LastModified).toEqual(modifiedBefore);
    await core.links.flush();
    expect((await core.links.list()).map((l) => [l.key, l.url])).toEqual([[item.key, item.link!.url]]);
    await core.uploads.close();
  });

  it('a stored object of the same size with other bytes is not taken for the file: it is uploaded again', async () => {
    const { bucket, file, after, stored } = await singlePutKilledAfterStore('crash-put-other', 200_000);
    await putObject(bucket, stored.key, Buffer.alloc(file.size, 7));
    const { core, item } = await restoredItem(after, bucket);
    expect(item.state).not.toBe('completed');
    await core.uploads.idle();
    expect(core.uploads.list()[0]).toMatchObject({ state: 'completed', etag: file.md5 });
    expect(await storedMd5(bucket, stored.key)).toBe(file.md5);
    await core.uploads.close();
  });

  it('a crash before the item was saved as in flight sends the file again, to the same key, and it gets its link', async () => {
    const { bucket, file, after, atKill, stored } = await singlePutKilledAfterStore('crash-put-queued', 2 * MIB);
    // The save that would have said "uploading" never landed: the disk still says queued.
    const saved = JSON.parse(await readFile(atKill, 'utf8'));
    saved.entries[0].state = 'queued';
    await writeFile(atKill, JSON.stringify(saved));

    // Not recognised at restart (an item saved as queued is not looked up): it runs again.
    const { core, item } = await restoredItem(after, bucket);
    expect(item.state).not.toBe('completed');
    await core.uploads.idle();
    const done = core.uploads.list()[0]!;
    expect(done).toMatchObject({ state: 'completed', key: stored.key, etag: file.md5 });
    await core.links.flush();
    expect((await core.links.list()).map((l) => [l.key, l.url])).toEqual([[stored.key, done.link!.url]]);
    await core.uploads.close();
  });

  it('a finished upload whose link never reached the history gets it at the next start, once', async () => {
    const bucket = await createTestBucket('crash-link');
    const dir = await tempDir();
    const dataDir = join(dir, 'data');
    const credentials = await saveTestProfile(dataDir, rgwEndpoint(), bucket);
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
