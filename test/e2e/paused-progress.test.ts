/**
 * Progress that tells the truth, in Chromium on the real engine and radosgw behind a slowing
 * proxy: a paused 40 MiB multipart upload keeps showing the bytes the store already holds.
 */
import { ListPartsCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBytes } from '../../renderer/format';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { adminClient, createTestBucket, rgwEndpoint } from '../support/s3';
import { startHarness, type Harness } from './harness';

const MiB = 1024 * 1024;
const SIZE = 40 * MiB;

describe('progress of a paused upload', () => {
  let h: Harness;
  let proxy: FaultProxy;
  let bucket: string;
  let file: string;

  beforeAll(async () => {
    h = await startHarness();
    proxy = await startFaultProxy(rgwEndpoint());
    bucket = await createTestBucket('paused');
    file = join(await mkdtemp(join(tmpdir(), 'signdrop-paused-')), 'forty.bin');
    await writeFile(file, randomBytes(SIZE));
    await h.addProfile(bucket, proxy.endpoint);
  });
  afterAll(async () => {
    await h?.close();
    await proxy?.close();
  });

  it('a paused 40 MiB upload still shows the bytes already stored', async () => {
    const { page } = h;
    // 8 MiB parts, four at a time, each slowed to 2 MiB/s: the first four land after about 4 s.
    proxy.throttleBytesPerSecond = 2 * MiB;
    await h.dropFiles([file]);
    await expect.poll(() => proxy.completedParts().size, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    await page.getByRole('button', { name: 'Pause forty.bin' }).click();
    const row = page.getByRole('listitem', { name: 'forty.bin', exact: true });
    await expect.poll(() => row.locator('.upload-state').textContent(), { timeout: 20_000 }).toBe('Paused');

    const { Uploads } = await adminClient().send(new ListMultipartUploadsCommand({ Bucket: bucket }));
    const upload = Uploads![0]!;
    const { Parts } = await adminClient().send(new ListPartsCommand({ Bucket: bucket, Key: upload.Key, UploadId: upload.UploadId }));
    const stored = (Parts ?? []).reduce((sum, p) => sum + (p.Size ?? 0), 0);
    expect(stored).toBeGreaterThanOrEqual(8 * MiB);
    const shown = `${formatBytes(stored)} of ${formatBytes(SIZE)}`;
    await expect.poll(() => row.locator('.upload-size').textContent()).toBe(shown);
    expect(Number(await row.locator('progress').getAttribute('value'))).toBe(Math.round((stored / SIZE) * 100));
    // It stays there while paused: nothing is taken back, nothing counted twice.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await row.locator('.upload-size').textContent()).toBe(shown);
    expect(await page.getByText(`${formatBytes(stored)} of ${formatBytes(SIZE)}`).count()).toBeGreaterThanOrEqual(1);
    await h.screenshot('paused-light');

    await page.getByRole('button', { name: 'Cancel forty.bin' }).click();
    await expect.poll(() => row.locator('.upload-state').textContent(), { timeout: 20_000 }).toBe('Canceled');
  });
});
