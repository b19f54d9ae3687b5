/**
 * At start the app aborts the multipart uploads it started that no queue item owns (a crash
 * between CreateMultipartUpload and the queue's save), on radosgw: only under its profile's key
 * prefix and of its template's shape, never one a saved item (the app's or the CLI's) owns, and
 * an owned one resumes without re-sending its finished parts.
 */
import { AbortMultipartUploadCommand, CreateMultipartUploadCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../core';
import { MemoryCredentialStore } from '../../../core/credentials/credential-store';
import { CLI_QUEUE_FILE, CLI_QUEUE_LOCK } from '../../../core/uploads/queue-store';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { adminClient, createTestBucket, rgwEndpoint, rgwProfile } from '../../support/s3';
import { makeFile, MIB, tempDir } from '../transfer/helpers';

let proxy: FaultProxy;
beforeAll(async () => {
  proxy = await startFaultProxy(rgwEndpoint());
});
afterAll(() => proxy.close());

async function openUploads(bucket: string): Promise<Map<string, string>> {
  const out = await adminClient().send(new ListMultipartUploadsCommand({ Bucket: bucket }));
  return new Map((out.Uploads ?? []).map((u) => [u.UploadId!, u.Key!]));
}

async function startUpload(bucket: string, key: string): Promise<string> {
  return (await adminClient().send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }))).UploadId!;
}

describe('orphaned multipart uploads at start', () => {
  it('are aborted; those a saved item owns stay, and the owned one resumes without re-sending its parts', { timeout: 120_000 }, async () => {
    const dataDir = await tempDir();
    const credentials = new MemoryCredentialStore();
    const bucket = await createTestBucket('orphans');
    const first = await createCore({ dataDir, credentials });
    const profile = await first.profiles.save({ ...rgwProfile('orphans', bucket), endpoint: proxy.endpoint, keyTemplate: 'sd/{uuid}/{filename}' });
    const big = await makeFile(await tempDir(), 'big.bin', 20 * MIB);
    proxy.throttleBytesPerSecond = 4 * MIB;
    let owned: string;
    try {
      const [item] = await first.uploads.enqueue({ profileId: profile.id, expiresInSeconds: 3600, files: [big] });
      const end = Date.now() + 60_000;
      while (proxy.completedParts().size < 1 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      await first.uploads.close(); // the app quits mid-upload: the item keeps its multipart upload
      owned = [...(await openUploads(bucket)).entries()].find(([, key]) => key === item!.key)![0];
    } finally {
      proxy.throttleBytesPerSecond = 0;
    }

    const orphanKey = `sd/${randomUUID()}/lost.bin`;
    const orphan = await startUpload(bucket, orphanKey);
    const otherPrefix = await startUpload(bucket, `other/${randomUUID()}/x.bin`);
    const otherShape = await startUpload(bucket, 'sd/made-by-another-tool.bin');
    const cliKey = `sd/${randomUUID()}/cli.bin`;
    const cliOwned = await startUpload(bucket, cliKey);
    await writeFile(join(dataDir, CLI_QUEUE_FILE), JSON.stringify({ version: 1, entries: [cliEntry(profile.id, bucket, cliKey, cliOwned)] }));

    const sentBefore = new Map(proxy.completedParts());
    const second = await createCore({ dataDir, credentials });
    const sweep = await second.orphanSweep;
    expect(sweep).toEqual({ aborted: [expect.objectContaining({ bucket, key: orphanKey })], failed: [] });
    const open = await openUploads(bucket);
    expect(open.has(orphan)).toBe(false);
    expect([...open.keys()].sort()).toEqual([owned, otherPrefix, otherShape, cliOwned].sort());

    const item = second.uploads.list()[0]!;
    second.uploads.resume(item.id);
    await second.uploads.idle();
    expect(second.uploads.get(item.id)?.state).toBe('completed');
    // Every part the store held before the restart was not sent again.
    for (const [part, count] of proxy.completedParts()) if (sentBefore.has(part)) expect(count, `part ${part}`).toBe(sentBefore.get(part));
    await second.uploads.close();
    for (const id of [otherPrefix, otherShape, cliOwned]) {
      const key = open.get(id)!;
      await adminClient().send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id }));
    }
  });

  it('are left alone while a CLI upload runs (it may hold uploads it has not saved yet)', async () => {
    const dataDir = await tempDir();
    const credentials = new MemoryCredentialStore();
    const bucket = await createTestBucket('orphans-cli');
    const first = await createCore({ dataDir, credentials });
    await first.profiles.save({ ...rgwProfile('orphans', bucket), keyTemplate: 'sd/{uuid}/{filename}' });
    const orphan = await startUpload(bucket, `sd/${randomUUID()}/unsaved.bin`);
    // A live process on this machine holds the CLI's queue: this one.
    await writeFile(join(dataDir, CLI_QUEUE_LOCK), JSON.stringify({ pid: process.pid, host: hostname() }));
    const second = await createCore({ dataDir, credentials });
    expect((await second.orphanSweep)?.skipped).toBe('a signdrop upload is running from the command line');
    expect((await openUploads(bucket)).has(orphan)).toBe(true);
  });
});

/** An item of the CLI's saved queue, paused mid-multipart (as SIGINT leaves it). */
function cliEntry(profileId: string, bucket: string, key: string, uploadId: string) {
  return {
    id: randomUUID(),
    profileId,
    expiresInSeconds: 3600,
    path: '/nowhere/cli.bin',
    relativePath: 'cli.bin',
    size: 20 * MIB,
    mtimeMs: 0,
    key,
    bucket,
    state: 'paused',
    multipart: { uploadId, partSize: 8 * MIB, parts: [] },
  };
}
