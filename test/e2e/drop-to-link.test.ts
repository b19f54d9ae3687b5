/**
 * The foundation's slice in real Chromium: add a profile, drop a real file, copy its link,
 * and download the same bytes from radosgw with it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBucket, RGW_REGION, RGW_USER, rgwEndpoint } from '../support/s3';
import { startHarness, type Harness } from './harness';

describe('drop a file, get a link', () => {
  let h: Harness;
  let file: string;
  const bytes = randomBytes(200_000);

  beforeAll(async () => {
    h = await startHarness();
    file = join(await mkdtemp(join(tmpdir(), 'signdrop-e2e-')), 'quarterly report (final).pdf');
    await writeFile(file, bytes);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('first run explains Signdrop and saves a profile whose secret the page never sees again', async () => {
    const { page } = h;
    await page.getByRole('heading', { name: 'Welcome to Signdrop' }).waitFor();
    await h.screenshot('welcome-light');
    const bucket = await createTestBucket('e2e');
    await page.getByLabel('Name').fill('Local Ceph');
    await page.getByLabel('Endpoint').fill(rgwEndpoint());
    await page.getByLabel('Region').fill(RGW_REGION);
    await page.getByLabel('Bucket').fill(bucket);
    await page.getByLabel('Path-style URLs (MinIO, Ceph)').check();
    await page.getByLabel('Access key id').fill(RGW_USER.accessKeyId);
    await page.getByLabel('Secret access key').fill(RGW_USER.secretAccessKey);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('button', { name: 'Choose files…' }).waitFor();
    // A new profile's connection is tested at once, in words.
    await expect.poll(() => page.locator('.connection .ok').textContent(), { timeout: 20_000 }).toMatch(/^Connected: /);
    expect(await page.content()).not.toContain(RGW_USER.secretAccessKey);
    expect(JSON.stringify(h.app.results)).not.toContain(RGW_USER.secretAccessKey);
  });

  it('a dropped file uploads and its copied link downloads the same bytes', async () => {
    const { page } = h;
    await page.getByLabel('Links expire after').selectOption({ label: '1 hour' });
    await h.dropFiles([file]);
    const link = page.getByLabel('Link to quarterly report (final).pdf', { exact: true });
    await link.waitFor({ timeout: 30_000 });
    // Copied on its own when it finished, with a toast; then again by hand below.
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Link copied');
    expect(h.app.clipboard).toEqual([await link.inputValue()]);
    h.app.clipboard.splice(0);
    // The button may still say "Copied" from that first copy; its name follows.
    await page.getByRole('button', { name: /^Cop(y|ied) link to quarterly report \(final\)\.pdf$/ }).click();
    await expect.poll(() => h.app.clipboard.length).toBe(1);
    const url = h.app.clipboard[0]!;
    expect(await link.inputValue()).toBe(url);
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('3600');
    await h.screenshot('uploaded-light');

    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    expect(response.headers.get('content-disposition')).toContain('quarterly report (final).pdf');

    const tampered = new URL(url);
    const sig = tampered.searchParams.get('X-Amz-Signature')!;
    tampered.searchParams.set(
      'X-Amz-Signature',
      sig.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
    );
    expect((await fetch(tampered)).status).toBe(403);
  });
});
