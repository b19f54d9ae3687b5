/**
 * Many links at once in History: new links for the chosen ones (each row updated in place), copy
 * them all, one share page for them, and delete their files after one confirmation that says what
 * happens; links not chosen are left as they were.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestBucket } from '../support/s3';
import { startHarness, type Harness } from './harness';

describe('history: select many', () => {
  let h: Harness;
  const names = ['alpha.txt', 'beta.txt', 'gamma.txt'];
  const row = (name: string) => h.page.getByRole('listitem', { name: new RegExp(`^${name.replace('.', '\\.')}, `) });

  beforeAll(async () => {
    h = await startHarness();
    const dir = await mkdtemp(join(tmpdir(), 'signdrop-history-bulk-'));
    for (const name of names) await writeFile(join(dir, name), `${name}\n`);
    await h.addProfile(await createTestBucket('history-bulk'));
    await h.page.getByLabel('Links expire after').selectOption({ label: '1 hour' });
    await h.dropFiles(names.map((n) => join(dir, n)));
    for (const name of names) await h.page.getByLabel(`Link to ${name}`, { exact: true }).waitFor({ timeout: 30_000 });
    await vi.waitFor(() => expect(h.app.clipboard.length).toBeGreaterThan(0), { timeout: 10_000 });
    h.app.clipboard.splice(0);
    await h.page.getByRole('button', { name: 'History' }).click();
    await vi.waitFor(async () => expect(await h.page.getByRole('listitem').count()).toBe(3), { timeout: 10_000 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('makes new links for the chosen rows, in place, and leaves the others alone', async () => {
    const { page } = h;
    const gammaBefore = await page.getByLabel('Link to gamma.txt', { exact: true }).inputValue();
    await page.getByLabel('Select alpha.txt').check();
    await page.getByLabel('Select beta.txt').check();
    const bar = page.getByRole('group', { name: 'Selected links' });
    await expect.poll(() => bar.textContent()).toContain('2 links selected');
    await bar.getByRole('button', { name: 'New links…' }).click();
    await bar.getByLabel('New links expire after').selectOption({ label: '1 day' });
    await bar.getByRole('button', { name: 'Make 2 links' }).click();
    await expect.poll(() => bar.getByRole('status').textContent()).toBe('2 links renewed');

    expect(await page.getByRole('listitem').count()).toBe(3);
    for (const name of ['alpha.txt', 'beta.txt']) {
      await expect.poll(() => row(name).getAttribute('aria-label')).toMatch(/Expires in (23 h|1 d)/);
      const url = await page.getByLabel(`Link to ${name}`, { exact: true }).inputValue();
      expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('86400');
      expect(await row(name).textContent()).toMatch(/previous link until/);
    }
    expect(await row('gamma.txt').getAttribute('aria-label')).toMatch(/Expires in (59|60) min/);
    expect(await page.getByLabel('Link to gamma.txt', { exact: true }).inputValue()).toBe(gammaBefore);
  });

  it('copies every chosen link, and makes one share page for them', async () => {
    const { page } = h;
    const bar = page.getByRole('group', { name: 'Selected links' });
    await bar.getByRole('button', { name: 'Copy all' }).click();
    await expect.poll(() => bar.getByRole('status').textContent()).toBe('2 links copied');
    const urls = h.app.clipboard.at(-1)!.split('\n');
    expect(urls).toHaveLength(2);
    // In the history's order, which is the order the uploads finished: compare as a set.
    expect((await Promise.all(urls.map(async (u) => (await fetch(u)).text()))).sort()).toEqual(['alpha.txt\n', 'beta.txt\n']);

    await bar.getByRole('button', { name: 'Share page' }).click();
    await expect.poll(() => bar.getByRole('status').textContent()).toBe('Page link copied: 2 files');
    const html = await (await fetch(h.app.clipboard.at(-1)!)).text();
    expect(html).toContain('alpha.txt');
    expect(html).toContain('beta.txt');
    expect(html).not.toContain('gamma.txt');
  });

  it('deletes the chosen files after one confirmation that says what happens', async () => {
    const { page } = h;
    const bar = page.getByRole('group', { name: 'Selected links' });
    const alpha = await page.getByLabel('Link to alpha.txt', { exact: true }).inputValue();
    const gamma = await page.getByLabel('Link to gamma.txt', { exact: true }).inputValue();
    await bar.getByRole('button', { name: 'Delete all…' }).click();
    const confirm = bar.getByRole('group', { name: 'Confirm deleting the selected files' });
    expect(await confirm.textContent()).toMatch(/Delete the files behind 2 links from the bucket\? Every link to those files stops working/);
    await confirm.getByRole('button', { name: 'Keep' }).click();
    expect((await fetch(alpha)).status).toBe(200);

    await bar.getByRole('button', { name: 'Delete all…' }).click();
    await confirm.getByRole('button', { name: 'Delete files' }).click();
    await expect.poll(() => bar.getByRole('status').textContent()).toBe('2 links deleted');
    await expect.poll(() => row('alpha.txt').getAttribute('aria-label')).toBe('alpha.txt, Deleted');
    expect(await row('beta.txt').getAttribute('aria-label')).toBe('beta.txt, Deleted');
    expect((await fetch(alpha)).status).toBe(404);
    expect((await fetch(gamma)).status).toBe(200);

    await bar.getByRole('button', { name: 'Clear selection' }).click();
    await page.getByRole('button', { name: 'Select all 3' }).click();
    await expect.poll(() => bar.textContent()).toContain('3 links selected');
  });
});
