/**
 * The link history in Chromium: a new link with a new expiry, the countdown reaching "Expired"
 * (the page's clock is moved forward), and deleting the object to end access.
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

  it('lists the link with its countdown and makes a new link with a new expiry', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'History' }).click();
    const rows = page.getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('aria-label')).toMatch(/^contract\.pdf, Expires in (59|60) min/);

    await page.getByRole('button', { name: 'New link to contract.pdf' }).click();
    await page.getByLabel('New link expires after').selectOption({ label: '7 days' });
    await page.getByRole('button', { name: 'Make link' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    // The page's clock may lag Node's by a moment: 7 days less a few seconds.
    expect(await rows.first().getAttribute('aria-label')).toMatch(/Expires in (6 d 23 h|7 d 0 h)/);

    await page.getByRole('button', { name: 'Copy link to contract.pdf' }).first().click();
    await expect.poll(() => h.app.clipboard.length).toBe(1);
    const url = h.app.clipboard[0]!;
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('604800');
    const response = await fetch(url);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);

    await page.getByLabel('Search').fill('nothing like it');
    await expect.poll(() => rows.count()).toBe(0);
    await page.getByLabel('Search').fill('contract');
    await expect.poll(() => rows.count()).toBe(2);
  });

  it('marks the one-hour link expired once its time has passed', async () => {
    const { page } = h;
    await page.clock.fastForward('02:00:00');
    const rows = page.getByRole('listitem');
    await expect.poll(() => rows.nth(1).getAttribute('aria-label')).toBe('contract.pdf, Expired');
    expect(await rows.first().getAttribute('aria-label')).toMatch(/Expires in 6 d 2\d h/);
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
    expect(await rows.nth(1).getAttribute('aria-label')).toBe('contract.pdf, Deleted');
    expect((await fetch(url)).status).toBe(404);
  });
});
