/**
 * The Requests view, in light and dark: create a request, copy its link and show its QR code, see
 * a file sent through the page arrive under its own name, extend it and close it. axe finds no
 * serious issue; with SCREENSHOTS=1 the README's images are saved.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestBucket } from '../support/s3';
import { seriousViolations } from './axe';
import { startHarness, type Harness } from './harness';

/** Sends a file through the request page, in a tab of its own, as the person asked would. */
async function sendThroughPage(h: Harness, url: string, name: string, bytes: Buffer): Promise<void> {
  const path = join(await mkdtemp(join(tmpdir(), 'signdrop-request-view-')), name);
  await writeFile(path, bytes);
  const tab = await (await h.browser.newContext()).newPage();
  await tab.goto(url);
  await tab.locator('#files').setInputFiles(path);
  await tab.locator('#received li').waitFor();
  await tab.close();
}

for (const scheme of ['light', 'dark'] as const) {
  describe(`the Requests view, ${scheme}`, () => {
    let h: Harness;
    afterAll(async () => {
      await h?.close();
    });

    it('creates a request, copies its link, shows what arrived, extends and closes it', async () => {
      h = await startHarness({ colorScheme: scheme });
      const { page, app } = h;
      await h.addProfile(await createTestBucket(`req-view-${scheme}`));
      await page.getByRole('button', { name: 'Requests' }).click();
      await page.getByRole('button', { name: 'New request…' }).click();
      await page.getByLabel('Title').fill('Signed contracts');
      await page.getByLabel('Message to the sender').fill('Please send both signed copies as PDF.');
      await page.getByLabel('Most files').fill('3');
      await page.getByLabel('Largest file').fill('5 MB');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Create request' }).click();

      const link = page.getByLabel('Link to Signed contracts', { exact: true });
      await link.waitFor();
      const url = await link.inputValue();
      await page.getByRole('button', { name: 'Copy link to Signed contracts' }).click();
      await expect.poll(() => app.clipboard).toEqual([url]);
      await page.getByText('Nothing yet. Files appear here as they arrive.').waitFor();

      const sent = randomBytes(30_000);
      await sendThroughPage(h, url, 'contract – signed.pdf', sent);
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.getByRole('listitem', { name: 'contract – signed.pdf' }).waitFor();
      await expect.poll(() => page.getByRole('heading', { name: 'Arrived: 1 of 3' }).count()).toBe(1);
      // Passed on: the button then says so, in its name too (axe checks that state below).
      await page.getByRole('button', { name: 'Copy link to contract – signed.pdf' }).click();
      await page.getByRole('button', { name: 'Link copied: contract – signed.pdf' }).waitFor();
      expect(Buffer.from(await (await fetch(app.clipboard.at(-1)!)).arrayBuffer()).equals(sent)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await h.screenshot(`requests-${scheme}`);

      await page.getByRole('button', { name: 'QR code for Signed contracts' }).click();
      await page.locator('.qr svg').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Extend Signed contracts…' }).click();
      await page.getByRole('button', { name: 'Make new link' }).click();
      await expect.poll(() => link.inputValue()).not.toBe(url);
      const extended = await link.inputValue();

      await page.getByRole('button', { name: 'Close Signed contracts…' }).click();
      await page.getByRole('button', { name: 'Close request' }).click();
      await page.getByText('Closed', { exact: true }).waitFor();
      expect(await link.count()).toBe(0);
      expect([403, 404]).toContain((await fetch(extended)).status);
      // The files stay, and still open under their names.
      await page.getByRole('listitem', { name: 'contract – signed.pdf' }).waitFor();
    });
  });
}
