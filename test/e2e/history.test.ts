/**
 * The link history in Chromium: the countdown reaching "Expired" (the page's clock is moved
 * forward), a new link with a new expiry in place of the old one, and deleting the object to end access.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestBucket } from '../support/s3';
import { startHarness, type Harness } from './harness';

describe('link history', () => {
  let h: Harness;
  let file: string;
  const bytes = randomBytes(50_000);

  beforeAll(async () => {
    h = await startHarness({ clock: true });
    file = join(await mkdtemp(join(tmpdir(), 'signdrop-history-')), 'contract.pdf');
    await writeFile(file, bytes);
    await h.addProfile(await createTestBucket('history'));
    await h.page.getByLabel('Links expire after').selectOption({ label: '1 hour' });
    await h.dropFiles([file]);
    await h.page.getByLabel('Link to contract.pdf', { exact: true }).waitFor({ timeout: 30_000 });
    // The finished upload's link was copied on its own; the copies below are History's.
    await vi.waitFor(() => expect(h.app.clipboard.length).toBe(1), { timeout: 10_000 });
    expect(h.app.clipboard[0]).toBe(await h.page.getByLabel('Link to contract.pdf', { exact: true }).inputValue());
    h.app.clipboard.splice(0);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists the link with its countdown, and marks it expired once its time has passed', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'History' }).click();
    const rows = page.getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('aria-label')).toMatch(/^contract\.pdf, Expires in (59|60) min/);

    await page.clock.fastForward('02:00:00');
    await expect.poll(() => rows.first().getAttribute('aria-label')).toBe('contract.pdf, Expired');
    // The filters follow the view's clock: the link counts as expired, not active.
    await page.getByRole('button', { name: 'Active' }).click();
    await expect.poll(() => rows.count()).toBe(0);
    await page.getByRole('button', { name: 'Expired or deleted' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByRole('button', { name: /^All/ }).click();
  });

  it("makes a new link in place: the row's link and countdown change, the old expiry stays in its detail", async () => {
    const { page } = h;
    const rows = page.getByRole('listitem');
    await page.getByRole('button', { name: 'New link to contract.pdf' }).click();
    await page.getByLabel('New link expires after').selectOption({ label: '7 days' });
    await page.getByRole('button', { name: 'Make link' }).click();
    // The page's clock is two hours ahead of Node's (fast-forwarded above): 7 days less those.
    await expect.poll(() => rows.first().getAttribute('aria-label')).toMatch(/^contract\.pdf, Expires in 6 d 2\d h/);
    expect(await rows.count()).toBe(1);
    await expect.poll(() => rows.first().textContent()).toMatch(/previous link expired/);

    await page.getByRole('button', { name: 'Copy link to contract.pdf' }).click();
    await expect.poll(() => h.app.clipboard.length).toBe(1);
    const url = h.app.clipboard[0]!;
    expect(await page.getByLabel('Link to contract.pdf', { exact: true }).inputValue()).toBe(url);
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('604800');
    const response = await fetch(url);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);

    await page.getByLabel('Search').fill('nothing like it');
    await expect.poll(() => rows.count()).toBe(0);
    await page.getByLabel('Search').fill('contract');
    await expect.poll(() => rows.count()).toBe(1);
    await h.screenshot('history-light');
  });

  it('deleting the object, after confirmation, ends access through every link', async () => {
    const { page } = h;
    const url = h.app.clipboard[0]!;
    await page.getByRole('button', { name: 'Delete contract.pdf…' }).first().click();
    await page.getByRole('group', { name: 'Confirm deletion' }).getByRole('button', { name: 'Keep' }).click();
    expect((await fetch(url)).status).toBe(200);

    await page.getByRole('button', { name: 'Delete contract.pdf…' }).first().click();
    await page.getByRole('button', { name: 'Delete object' }).click();
    const rows = page.getByRole('listitem');
    await expect.poll(() => rows.first().getAttribute('aria-label')).toBe('contract.pdf, Deleted');
    expect(await rows.count()).toBe(1);
    expect((await fetch(url)).status).toBe(404);
  });
});
