/**
 * One link for a batch, and inline or download per upload, in Chromium on the real engine and
 * radosgw: with "One page link" chosen, a drop of several files puts the page's link on the
 * clipboard with a toast, and that link opens a page listing the files; "Share as one link" makes
 * the page for the last batch after the fact, once; the Links choice decides how a link opens.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBucket } from '../support/s3';
import { SAMPLE_PNG } from '../support/sample-files';
import { startHarness, type Harness } from './harness';

describe('sharing a batch as one link, and inline or download', () => {
  let h: Harness;
  let dir: string;
  const toast = () => h.page.getByRole('status').textContent();
  const lastCopy = () => h.app.clipboard.at(-1);
  const files = (...names: string[]) => names.map((n) => join(dir, n));
  /** What the link's answer tells a browser: shown in place or saved. */
  /** Drops one file and waits for its link on the clipboard. */
  const dropOne = async (name: string) => {
    const copies = h.app.clipboard.length;
    await h.dropFiles(files(name));
    await expect.poll(() => h.app.clipboard.length, { timeout: 30_000 }).toBe(copies + 1);
  };
  const served = async (url: string) => (await fetch(url)).headers.get('content-disposition')?.split(';', 1)[0];

  beforeAll(async () => {
    h = await startHarness();
    dir = await mkdtemp(join(tmpdir(), 'signdrop-share-ui-'));
    for (const name of ['shot.png', 'shot 2.png']) await writeFile(join(dir, name), SAMPLE_PNG);
    for (const name of ['notes.txt', 'todo.txt', 'log.txt']) await writeFile(join(dir, name), `${name}\n`);
    await writeFile(join(dir, 'data.json'), '{"ok":true}\n');
    await h.addProfile(await createTestBucket('share-ui'));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('Links: "Download" makes an image download, "Open in browser" opens JSON in place, Automatic goes back to the type', async () => {
    const { page } = h;
    // By role: a label's text, as getByLabel reads it, runs on into the options of the select inside it.
    const links = page.getByRole('combobox', { name: 'Links', exact: true });
    expect(await links.inputValue()).toBe('');
    expect(await links.locator('option:checked').textContent()).toBe('Automatic');

    await links.selectOption({ label: 'Download' });
    await dropOne('shot.png');
    expect(await served(lastCopy()!)).toBe('attachment');

    // JSON downloads unless asked: a browser shows it, but it is not one of the types shown by default.
    await links.selectOption({ label: 'Open in browser' });
    await dropOne('data.json');
    expect(await served(lastCopy()!)).toBe('inline');

    await links.selectOption({ label: 'Automatic' });
    await dropOne('shot 2.png');
    expect(await served(lastCopy()!)).toBe('inline');

    // Each row says what its link does.
    const hint = (name: string) => page.getByRole('listitem', { name }).locator('.link .hint').textContent();
    expect(await hint('shot.png')).toBe('downloads as “shot.png”');
    expect(await hint('data.json')).toBe('opens in the browser as “data.json”');
    expect(await hint('shot 2.png')).toBe('opens in the browser as “shot 2.png”');
  });

  it('with "One page link" chosen, a drop of several files copies the page link, which lists them all', async () => {
    const { page } = h;
    await page.getByLabel('For several files').selectOption({ label: 'One page link' });
    await expect.poll(async () => (await h.app.core.settings.get()).batchCopy).toBe('page-link');
    const copies = h.app.clipboard.length;
    await h.dropFiles(files('shot.png', 'notes.txt', 'todo.txt'));
    await expect.poll(toast, { timeout: 30_000 }).toBe('Page link copied');
    await h.screenshot('page-link-copied-light');
    const url = lastCopy()!;
    // One link, and not one of the files' own.
    expect(h.app.clipboard).toHaveLength(copies + 1);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const rowLinks = await page.locator('input[aria-label^="Link to "]').evaluateAll((all) => all.map((i) => (i as HTMLInputElement).value));
    expect(rowLinks.length).toBeGreaterThan(3);
    expect(rowLinks).not.toContain(url);

    const recipient = await h.browser.newPage();
    try {
      await recipient.goto(url);
      await expect.poll(() => recipient.locator('.file .name').allTextContents()).toEqual(['shot.png', 'notes.txt', 'todo.txt']);
      await expect(recipient.title()).resolves.toBe('3 files shared with you');
    } finally {
      await recipient.close();
    }
  });

  it('"Share as one link" makes the last batch\'s page when asked, and gives the same link when asked again', async () => {
    const { page } = h;
    await page.getByLabel('For several files').selectOption({ label: 'All links' });
    await expect.poll(async () => (await h.app.core.settings.get()).batchCopy).toBe('all-links');
    await h.dropFiles(files('shot 2.png', 'log.txt'));
    await expect.poll(toast, { timeout: 30_000 }).toBe('2 links copied');
    const copies = h.app.clipboard.length;

    const share = page.getByRole('button', { name: 'Share as one link' });
    await share.click();
    await expect.poll(() => h.app.clipboard.length, { timeout: 20_000 }).toBe(copies + 1);
    // The clipboard is written in main before the window hears back and shows its toast.
    await expect.poll(toast).toBe('Page link copied');
    const first = lastCopy()!;
    const recipient = await h.browser.newPage();
    try {
      await recipient.goto(first);
      await expect.poll(() => recipient.locator('.file .name').allTextContents()).toEqual(['shot 2.png', 'log.txt']);
    } finally {
      await recipient.close();
    }

    await share.click();
    await expect.poll(() => h.app.clipboard.length).toBe(copies + 2);
    expect(lastCopy()).toBe(first);
  });

  it('the page link is copied in the chosen format, named for what it lists', async () => {
    const { page } = h;
    await page.getByLabel('Copy as').selectOption({ label: 'Markdown' });
    await expect.poll(async () => (await h.app.core.settings.get()).copyFormat).toBe('markdown');
    const copies = h.app.clipboard.length;
    await page.getByRole('button', { name: 'Share as one link' }).click();
    await expect.poll(() => h.app.clipboard.length).toBe(copies + 1);
    expect(lastCopy()).toMatch(/^\[2 files\]\(http:\/\/127\.0\.0\.1:\d+\/[^()\s]+\)$/);
    await page.getByLabel('Copy as').selectOption({ label: 'URL' });
    await expect.poll(async () => (await h.app.core.settings.get()).copyFormat).toBe('url');
    await page.emulateMedia({ colorScheme: 'dark' });
    await h.screenshot('rows-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
