/**
 * Clean up expired, in History: the confirmation counts the files and bytes whose every link
 * expired, the result says what was deleted, and only those objects are gone from the bucket.
 * The confirmation passes axe, light and dark.
 */
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, createTestBucket } from '../support/s3';
import { seriousViolationsInBothThemes } from './axe';
import { startHarness, type Harness } from './harness';

/** HeadObject's status: 200 while the object is there, 404 once deleted. */
const headStatus = (bucket: string, key: string): Promise<number> =>
  adminClient()
    .send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
    .then(
      () => 200,
      (e: { $metadata?: { httpStatusCode?: number } }) => e.$metadata?.httpStatusCode ?? 0,
    );

describe('clean up expired', () => {
  let h: Harness;
  let bucket: string;

  beforeAll(async () => {
    h = await startHarness();
    bucket = await createTestBucket('cleanup-ui');
    await h.addProfile(bucket);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('asks with the count and bytes of the expired files, deletes them and keeps the file whose link still works', async () => {
    const { page } = h;
    const dir = await mkdtemp(join(tmpdir(), 'signdrop-e2e-cleanup-'));
    await writeFile(join(dir, 'old-draft.txt'), 'x'.repeat(1500));
    await writeFile(join(dir, 'keep.txt'), 'kept');
    // A 1-second link: the shortest the picker offers is a minute, so the upload is asked of main as the window would.
    const [profile] = await h.app.core.profiles.list();
    const queued = await h.app.invoke('uploads:enqueue', { profileId: profile!.id, expiresInSeconds: 1, files: [{ path: join(dir, 'old-draft.txt') }] });
    expect(queued.ok).toBe(true);
    await h.dropFiles([join(dir, 'keep.txt')]);
    await page.getByLabel('Link to keep.txt', { exact: true }).waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await h.app.core.links.list()).length, { timeout: 30_000 }).toBe(2);
    const keyOf = async (name: string) => (await h.app.core.links.list()).find((l) => l.name === name)!.key;
    const [oldKey, keptKey] = [await keyOf('old-draft.txt'), await keyOf('keep.txt')];
    expect([await headStatus(bucket, oldKey), await headStatus(bucket, keptKey)]).toEqual([200, 200]);
    // Past the 1-second link's end.
    await expect.poll(async () => Date.parse((await h.app.core.links.list()).find((l) => l.key === oldKey)!.expiresAt) < Date.now()).toBe(true);

    await page.getByRole('button', { name: 'History' }).click();
    await page.getByRole('button', { name: 'Clean up expired…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete expired files?' });
    await dialog.waitFor();
    expect(await dialog.getByText(/will be deleted/).textContent()).toBe(
      '1 file, 1.5 kB, will be deleted from the bucket: every link to them has expired. This cannot be undone.',
    );
    expect(await dialog.getByRole('list', { name: 'Files to delete' }).getByRole('listitem').allTextContents()).toEqual([oldKey]);
    await h.screenshot('cleanup-light');
    expect(await seriousViolationsInBothThemes(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Delete 1 file' }).click();

    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Deleted' }).textContent()).toBe('Deleted 1 file, 1.5 kB.');
    expect(await dialog.isVisible()).toBe(false);
    expect([await headStatus(bucket, oldKey), await headStatus(bucket, keptKey)]).toEqual([404, 200]);
    // The row says its file is gone; the other row's link still works.
    await expect.poll(() => page.getByRole('listitem', { name: /^old-draft\.txt/ }).getAttribute('aria-label')).toMatch(/Deleted|Expired/);

    // Asked again, there is nothing left to delete, and no dialog.
    await page.getByRole('button', { name: 'Clean up expired…' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Nothing to clean up' }).count()).toBe(1);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await headStatus(bucket, keptKey)).toBe(200);
  });
});
