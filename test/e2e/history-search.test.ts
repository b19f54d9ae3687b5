/**
 * Searching a long history by typing fast, from far down the list: what shows is the answer to
 * the last keystroke, from the top of its matches, whatever became of the answers before it.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkLog } from '../support/link-log';
import { createTestBucket } from '../support/s3';
import { startHarness, type Harness } from './harness';

// Enough links that the list scrolls far and every search answers with a page, not all of them.
const LINKS = 3_000;

describe('history search', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ seed: (dataDir) => writeFile(join(dataDir, 'links.jsonl'), linkLog(LINKS)) });
    await h.addProfile(await createTestBucket('history-search'));
    await h.page.getByRole('button', { name: 'History' }).click();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The rows shown once the list has answered: their names, top first. */
  const answeredRows = async (): Promise<string[]> => {
    const list = h.page.getByRole('list', { name: 'Links' });
    await expect.poll(() => list.getAttribute('aria-busy')).toBe('false');
    return h.page.locator('.history-row[role=listitem] .upload-name').allTextContents();
  };

  it('shows the newest matches of the last keystroke at the top, after fast typing far down the list', async () => {
    const { page } = h;
    const list = page.getByRole('list', { name: 'Links' });
    // Newest first: the oldest link is at the bottom.
    expect((await answeredRows())[0]).toBe('002999-archive.zip');
    await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(async () => (await answeredRows()).at(-1)).toBe('000000-photo.jpg');

    await page.getByLabel('Search').pressSequentially('report');
    const reports = await answeredRows();
    expect(reports[0]).toBe('002996-report.pdf');
    expect(reports.every((name) => name.endsWith('-report.pdf'))).toBe(true);
    expect(await list.evaluate((el) => el.scrollTop)).toBe(0);
    expect(await page.getByRole('button', { name: /^All/ }).textContent()).toBe('All 600');

    // Backspaces and new characters as fast as keys go: the rows answer the search as it ends, not one before.
    for (let i = 0; i < 'report'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('01234');
    const rows = await answeredRows();
    expect(rows).toContain('001234-archive.zip');
    const texts = await page.locator('.history-row[role=listitem]').allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toContain('01234');
  });
});
