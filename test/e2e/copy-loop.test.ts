/**
 * The copy loop in Chromium on the real engine and radosgw: a finished drop puts its link(s) on
 * the clipboard with a toast, "Copy all" copies the last batch only, formats and the custom
 * template are remembered, one row says "Copied" at a time, and a row's tools (thumbnail,
 * countdown, Open, Show in folder, a large QR code saved as PNG) work.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBucket } from '../support/s3';
import { startHarness, type Harness } from './harness';

/** A real 1×1 PNG, so the thumbnail decodes. */
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('the copy loop', () => {
  let h: Harness;
  let dir: string;
  const linkOf = (name: string) => h.page.getByLabel(`Link to ${name}`, { exact: true }).inputValue();
  const toast = () => h.page.getByRole('status').textContent();
  const lastCopy = () => h.app.clipboard.at(-1);

  beforeAll(async () => {
    h = await startHarness();
    dir = await mkdtemp(join(tmpdir(), 'signdrop-copy-'));
    await writeFile(join(dir, 'shot.png'), PNG_1PX);
    for (const name of ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt']) await writeFile(join(dir, name), randomBytes(5_000));
    await h.addProfile(await createTestBucket('copy'));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a single dropped file: its link is on the clipboard, a toast says so, the row says Copied and fades', async () => {
    const { page } = h;
    await h.dropFiles([join(dir, 'shot.png')]);
    await expect.poll(toast, { timeout: 30_000 }).toBe('Link copied');
    expect(h.app.clipboard).toEqual([await linkOf('shot.png')]);
    // The button's name says what it shows, so a speech user can say either word.
    expect(await page.getByRole('button', { name: 'Copied link to shot.png' }).textContent()).toBe('Copied');
    await h.screenshot('toast-light');
    const copyButton = page.getByRole('button', { name: 'Copy link to shot.png' });
    await copyButton.waitFor({ timeout: 10_000 });
    expect(await copyButton.textContent()).toBe('Copy');
    // The thumbnail is the local file, read by main: it decodes, and loads nothing from the network.
    const thumb = page.getByRole('listitem', { name: 'shot.png' }).locator('.thumb img');
    expect(await thumb.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    expect(await page.getByRole('listitem', { name: 'shot.png' }).locator('.upload-expiry').textContent()).toMatch(/^expires in (23 h 59 min|1 d 0 h)$/);
  });

  it('a batch copies all its links; "Copy all" after a second batch copies only the second', async () => {
    const { page } = h;
    await h.dropFiles(['a.txt', 'b.txt', 'c.txt'].map((n) => join(dir, n)));
    await expect.poll(toast, { timeout: 30_000 }).toBe('3 links copied');
    expect(lastCopy()).toBe([await linkOf('a.txt'), await linkOf('b.txt'), await linkOf('c.txt')].join('\n'));

    await h.dropFiles(['d.txt', 'e.txt'].map((n) => join(dir, n)));
    await expect.poll(toast, { timeout: 30_000 }).toBe('2 links copied');
    const copies = h.app.clipboard.length;
    await page.getByRole('button', { name: 'Copy all links' }).click();
    await expect.poll(() => h.app.clipboard.length).toBe(copies + 1);
    expect(lastCopy()).toBe([await linkOf('d.txt'), await linkOf('e.txt')].join('\n'));
  });

  it('six finished rows fit the default window in one scroll area', async () => {
    const { page } = h;
    const layout = await page.evaluate(() => {
      const scroller = document.querySelector('.uploads-scroller')!.getBoundingClientRect();
      const rows = [...document.querySelectorAll('.upload-completed')].map((r) => r.getBoundingClientRect());
      return {
        visible: rows.filter((r) => r.top >= scroller.top - 1 && r.bottom <= scroller.bottom + 1).length,
        pageScrolls: document.querySelector('.app')!.scrollHeight > document.querySelector('.app')!.clientHeight,
      };
    });
    expect(layout.visible).toBeGreaterThanOrEqual(6);
    expect(layout.pageScrolls).toBe(false);
    await h.screenshot('rows-light');
  });

  it('the chosen format and custom template are used and remembered; one row says Copied at a time', async () => {
    const { page } = h;
    await page.getByLabel('Copy as').selectOption({ label: 'Template' });
    await page.getByLabel('Copy template').fill('{name} ({size}): {url}');
    await expect.poll(async () => (await h.app.core.settings.get()).copyTemplate).toBe('{name} ({size}): {url}');
    await page.getByRole('button', { name: 'Copy link to a.txt' }).click();
    await expect.poll(lastCopy).toBe(`a.txt (5.0 kB): ${await linkOf('a.txt')}`);
    await page.getByRole('button', { name: 'Copy link to b.txt' }).click();
    await expect.poll(lastCopy).toBe(`b.txt (5.0 kB): ${await linkOf('b.txt')}`);
    expect(await page.getByRole('button', { name: 'Copy link to a.txt' }).textContent()).toBe('Copy');
    expect(await page.getByRole('button', { name: 'Copied link to b.txt' }).textContent()).toBe('Copied');

    await page.getByLabel('Copy as').selectOption({ label: 'Markdown' });
    await page.getByRole('button', { name: 'Copy link to shot.png' }).click();
    await expect.poll(lastCopy).toBe(`![shot.png](${await linkOf('shot.png')})`);

    await page.reload();
    await page.getByRole('button', { name: 'Copy all links' }).waitFor();
    expect(await page.getByLabel('Copy as').inputValue()).toBe('markdown');
    await page.getByLabel('Copy as').selectOption({ label: 'URL' });
    await page.getByLabel('Copy links when uploads finish').uncheck();
    await expect.poll(async () => (await h.app.core.settings.get()).copyAfterUpload).toBe(false);
  });

  it('Open and Show in folder go through main, by link and by item id', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Open a.txt in the browser' }).click();
    await expect.poll(() => h.app.opened).toEqual([await linkOf('a.txt')]);
    await page.getByRole('button', { name: 'Show in folder: a.txt' }).click();
    await expect.poll(() => h.app.revealed).toEqual([join(dir, 'a.txt')]);
    // Main refuses a link that is neither https nor a saved endpoint's.
    const refused = await h.app.invoke('links:open', { url: 'http://evil.example/x' });
    expect(refused.ok).toBe(false);
    expect(h.app.opened).toHaveLength(1);
  });

  it('the QR code opens large, saves as PNG, and Escape closes it and gives focus back', async () => {
    const { page } = h;
    const opener = page.getByRole('button', { name: 'QR code for shot.png' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'QR code for shot.png' });
    await dialog.waitFor();
    const px = await dialog.locator('.qr svg').evaluate((svg: SVGSVGElement) => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width);
    expect(px).toBeGreaterThanOrEqual(4);
    await h.screenshot('qr-light');

    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save as PNG' }).click()]);
    expect(download.suggestedFilename()).toBe('shot.png QR.png');
    const png = await readFile((await download.path())!);
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await opener.evaluate((b) => b === document.activeElement)).toBe(true);
  });
});
