/**
 * The queue's controls from the UI, in Chromium, on the real engine and radosgw: pause and resume
 * a big upload (slowed by a proxy so there is time to click), cancel one (nothing left on the
 * server), and an error shown inline in words, then fixed and retried.
 */
import { CreateBucketCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { adminClient, createTestBucket, rgwEndpoint } from '../support/s3';
import { startHarness, type Harness } from './harness';

const MiB = 1024 * 1024;

describe('queue controls', () => {
  let h: Harness;
  let proxy: FaultProxy;
  let bucket: string;
  let dir: string;
  const big = randomBytes(20 * MiB); // above the multipart threshold

  beforeAll(async () => {
    h = await startHarness();
    proxy = await startFaultProxy(rgwEndpoint());
    bucket = await createTestBucket('controls');
    dir = await mkdtemp(join(tmpdir(), 'signdrop-controls-'));
    await writeFile(join(dir, 'big.bin'), big);
    await writeFile(join(dir, 'doomed.bin'), randomBytes(20 * MiB));
    await h.addProfile(bucket, proxy.endpoint);
  });
  afterAll(async () => {
    await h?.close();
    await proxy?.close();
  });

  const state = (name: string) => h.page.getByRole('listitem', { name, exact: true }).locator('.upload-state');

  it('pauses and resumes an upload; it completes with the same bytes', async () => {
    const { page } = h;
    proxy.throttleBytesPerSecond = 2 * MiB;
    await h.dropFiles([join(dir, 'big.bin')]);
    await expect.poll(() => state('big.bin').textContent(), { timeout: 20_000 }).toBe('Uploading');
    await page.getByRole('button', { name: 'Pause big.bin' }).click();
    await expect.poll(() => state('big.bin').textContent(), { timeout: 20_000 }).toBe('Paused');
    await page.getByRole('button', { name: 'Resume big.bin' }).click();
    // Left the pause: uploading, or (on a loaded machine, when the pause came late) straight to
    // Complete with the parts the store already holds.
    await expect.poll(() => state('big.bin').textContent(), { timeout: 20_000 }).not.toBe('Paused');
    proxy.throttleBytesPerSecond = 0;
    await expect.poll(() => state('big.bin').textContent(), { timeout: 60_000 }).toBe('Done');
    const url = await page.getByLabel('Link to big.bin', { exact: true }).inputValue();
    expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(big)).toBe(true);
  });

  it('cancel stops an upload and leaves no multipart upload on the server', async () => {
    const { page } = h;
    proxy.throttleBytesPerSecond = 1 * MiB;
    await h.dropFiles([join(dir, 'doomed.bin')]);
    await expect.poll(() => state('doomed.bin').textContent(), { timeout: 20_000 }).toBe('Uploading');
    await page.getByRole('button', { name: 'Cancel doomed.bin' }).click();
    await expect.poll(() => state('doomed.bin').textContent(), { timeout: 20_000 }).toBe('Canceled');
    proxy.throttleBytesPerSecond = 0;
    const open = await adminClient().send(new ListMultipartUploadsCommand({ Bucket: bucket }));
    expect(open.Uploads ?? []).toEqual([]);

    await page.getByRole('button', { name: 'Remove doomed.bin' }).click();
    await expect.poll(() => page.getByRole('listitem', { name: 'doomed.bin', exact: true }).count()).toBe(0);
  });

  it('shows an error inline in words, and Retry succeeds once the cause is fixed', async () => {
    const { page } = h;
    const missing = `controls-missing-${randomBytes(3).toString('hex')}`;
    await page.getByLabel('Profile').selectOption({ label: 'Add a profile…' });
    await h.addProfile(missing);
    await writeFile(join(dir, 'later.txt'), 'uploaded once the bucket exists\n');
    await h.dropFiles([join(dir, 'later.txt')]);
    // The profile was saved without a working connection: the drop asks first.
    await page.getByRole('button', { name: 'Upload anyway' }).click();
    const row = page.getByRole('listitem', { name: 'later.txt', exact: true });
    await expect.poll(() => row.getByRole('alert').textContent(), { timeout: 30_000 }).toMatch(/bucket does not exist/i);
    await h.screenshot('error-light');

    await adminClient().send(new CreateBucketCommand({ Bucket: missing }));
    await page.getByRole('button', { name: 'Retry later.txt' }).click();
    await expect.poll(() => state('later.txt').textContent(), { timeout: 30_000 }).toBe('Done');
    const url = await page.getByLabel('Link to later.txt', { exact: true }).inputValue();
    expect(await (await fetch(url)).text()).toBe('uploaded once the bucket exists\n');
  });
});
