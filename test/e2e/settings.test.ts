/**
 * The settings view changes what each setting names: junk files are left out of a dropped folder,
 * the key template's preview is the key the file gets, the default profile and the theme apply and
 * are still set after a reload; and the settings and profile views pass axe, light and dark.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBucket } from '../support/s3';
import { seriousViolations } from './axe';
import { startHarness, type Harness } from './harness';

describe('settings', () => {
  let h: Harness;
  let dir: string;
  let bucket: string;

  beforeAll(async () => {
    h = await startHarness();
    dir = await mkdtemp(join(tmpdir(), 'signdrop-e2e-settings-'));
    bucket = await createTestBucket('settings');
    await h.addProfile(bucket);
  });
  afterAll(async () => {
    await h?.close();
  });

  const keys = () => h.app.core.uploads.list().map((item) => item.key);

  it('system junk files in a dropped folder are skipped, and uploaded once the setting is off', async () => {
    const { page } = h;
    const folder = join(dir, 'holiday');
    await mkdir(folder);
    for (const name of ['beach.jpg', '.DS_Store', 'Thumbs.db', 'desktop.ini', '._beach.jpg']) await writeFile(join(folder, name), name);
    await h.dropFiles([folder]);
    await page.getByLabel('Link to holiday/beach.jpg', { exact: true }).waitFor({ timeout: 30_000 });
    expect(h.app.core.uploads.list().map((i) => i.name)).toEqual(['holiday/beach.jpg']);

    await page.keyboard.press('Control+,');
    await page.getByLabel('Skip system files in folders (.DS_Store, Thumbs.db, desktop.ini, ._*)').uncheck();
    await expect.poll(async () => (await h.app.core.settings.get()).skipJunkFiles).toBe(false);
    await page.getByRole('button', { name: 'Uploads' }).click();
    await h.dropFiles([folder]);
    await expect.poll(() => h.app.core.uploads.list().length, { timeout: 30_000 }).toBe(1 + 5);
  });

  it('the key template preview is the key the next upload is stored under', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: /^Edit / }).click();
    await page.getByLabel('Key template').fill('shared/{yyyy}/{filename}');
    const preview = (await page.locator('.key-preview').textContent())!;
    expect(preview).toBe(`shared/${new Date().getFullYear()}/example report.pdf`);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('button', { name: 'Add a profile' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Uploads' }).click();
    await writeFile(join(dir, 'example report.pdf'), 'report');
    await h.dropFiles([join(dir, 'example report.pdf')]);
    await expect.poll(keys, { timeout: 30_000 }).toContain(preview);
  });

  it('the default profile is where uploads go after a reload, and the theme is applied and remembered', async () => {
    const { page } = h;
    await page.getByLabel('Profile').selectOption({ label: 'Add a profile…' });
    await h.addProfile(await createTestBucket('settings-second'));
    await page.keyboard.press('Control+,');
    await page.getByLabel('Dark').check();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    const [, second] = await h.app.core.profiles.list();
    await page.getByRole('button', { name: `Make default: ${second!.name}` }).click();
    await expect.poll(async () => (await h.app.core.settings.get()).defaultProfileId).toBe(second!.id);
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await expect.poll(() => page.getByLabel('Profile').inputValue()).toBe(second!.id);
  });

  for (const theme of ['Light', 'Dark'] as const) {
    it(`the settings view and the profile form have no serious accessibility violations (${theme.toLowerCase()})`, async () => {
      const { page } = h;
      await page.keyboard.press('Control+,');
      await page.getByLabel(theme).check();
      await page.getByRole('heading', { name: 'Settings' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await h.screenshot(`settings-${theme.toLowerCase()}`);
      await page.getByRole('button', { name: 'Add a profile' }).click();
      await page.getByRole('button', { name: 'Save profile' }).click();
      await page.locator('[aria-invalid="true"]').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await h.screenshot(`profile-form-${theme.toLowerCase()}`);
      await page.getByRole('button', { name: 'Cancel' }).click();
    });
  }
});
