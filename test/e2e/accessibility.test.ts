/**
 * Each main view in light and dark themes: axe finds no serious or critical violations,
 * and, with SCREENSHOTS=1, the suite saves the screenshots the README shows.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestBucket } from '../support/s3';
import { seriousViolations } from './axe';
import { startHarness, type Harness } from './harness';

for (const scheme of ['light', 'dark'] as const) {
  describe(`${scheme} theme`, () => {
    let h: Harness;
    afterAll(async () => {
      await h?.close();
    });

    it('welcome, uploads and history views have no serious accessibility violations', async () => {
      h = await startHarness({ colorScheme: scheme });
      const { page } = h;
      await page.getByRole('heading', { name: 'Welcome to Signdrop' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await h.screenshot(`welcome-${scheme}`);

      await h.addProfile(await createTestBucket(`a11y-${scheme}`));
      const dir = await mkdtemp(join(tmpdir(), 'signdrop-a11y-'));
      const files = ['brief.pdf', 'photo.jpg'].map((n) => join(dir, n));
      for (const f of files) await writeFile(f, randomBytes(20_000));
      await h.dropFiles(files);
      await page.getByText('2 of 2 done').waitFor({ timeout: 30_000 });
      expect(await seriousViolations(page)).toEqual([]);
      await h.screenshot(`uploads-${scheme}`);

      await page.getByRole('button', { name: 'QR code for brief.pdf' }).click();
      await page.locator('.qr svg').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      // The QR code is a modal dialog now: Escape closes it before the next view.
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'History' }).click();
      await page.getByRole('listitem').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await h.screenshot(`history-${scheme}`);
    });
  });
}
