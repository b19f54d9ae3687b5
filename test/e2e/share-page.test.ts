/**
 * A batch's share page, opened in Chromium straight from its presigned link on radosgw, as the
 * person it was sent to would: every name shown as text, the image previewed, each button getting
 * the exact bytes, and a hostile file name that runs nothing.
 */
import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SharePage } from '../../common/share-page';
import { createTestApp, type TestApp } from '../support/app';
import { createTestBucket, rgwProfile } from '../support/s3';
import { SAMPLE_PNG, writeSamples, type SampleFile } from '../support/sample-files';
import { CHROMIUM, CHROMIUM_ARGS, saveScreenshot } from './harness';

const EVIL = '<img src=x onerror=alert(1)>.png';

describe('the share page in Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let samples: SampleFile[];
  let shared: SharePage;
  const dialogs: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    app = await createTestApp();
    const bucket = await createTestBucket('share-page');
    const saved = await app.invoke('profiles:save', rgwProfile('rgw', bucket));
    if (!saved.ok) throw new Error(saved.error.message);
    samples = await writeSamples([{ name: EVIL, bytes: SAMPLE_PNG, contentType: 'image/png', disposition: 'inline' }]);
    const queued = await app.invoke('uploads:enqueue', { profileId: saved.value.id, expiresInSeconds: 3600, files: samples.map((s) => ({ path: s.path })) });
    if (!queued.ok) throw new Error(queued.error.message);
    await app.core.uploads.idle();
    const made = await app.invoke('links:share-page', { uploadIds: queued.value.items.map((i) => i.id) });
    if (!made.ok) throw new Error(made.error.message);
    shared = made.value;

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(shared.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows every file's name as text, the hostile one included", async () => {
    await expect.poll(() => page.locator('.file .name').allTextContents()).toEqual(samples.map((s) => s.name));
    await expect(page.title()).resolves.toBe('5 files shared with you');
  });

  it('runs nothing a name brings: no dialog, no stray element, no CSP violation, no error', async () => {
    await page.waitForLoadState('load');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('previews the images', async () => {
    const images = page.locator('.thumb img');
    await expect.poll(() => images.count()).toBe(2);
    await expect
      .poll(() => images.evaluateAll((all) => all.map((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)))
      .toEqual([8, 8]);
  });

  it('counts down to when the links stop working', async () => {
    await expect.poll(() => page.locator('#left').textContent()).toMatch(/^Links work for (59 min|1 h 0 min), until $/);
    // The files' earliest expiry; the page's own link ends with it, to the second.
    const shown = Date.parse((await page.locator('#expiry').getAttribute('datetime'))!);
    expect(shown - Date.parse(shared.expiresAt)).toBeGreaterThanOrEqual(0);
    expect(shown - Date.parse(shared.expiresAt)).toBeLessThan(2000);
  });

  it("each file's button gets its exact bytes: opened in a new tab or downloaded", async () => {
    const buttons = page.locator('a.button');
    expect(await buttons.allTextContents()).toEqual(samples.map((s) => (s.disposition === 'inline' ? 'Open' : 'Download')));
    for (const [i, sample] of samples.entries()) {
      const button = buttons.nth(i);
      const href = (await button.getAttribute('href'))!;
      const opened = context.waitForEvent('response', (r) => r.url() === href);
      const downloaded = page.waitForEvent('download').catch(() => undefined);
      const fromDownload = downloaded.then(async (d) => (d ? readFile((await d.path())!) : undefined));
      await button.click();
      // Images and text open in a tab; the HTML downloads, and so may the PDF in a headless Chromium.
      const got = await Promise.race([
        opened.then(async (r) => {
          expect(r.status()).toBe(200);
          // Chromium's PDF viewer hands Playwright its own wrapper page as the tab's body: the bytes
          // it shows come from the same link, read here through the browser context.
          if (r.headers()['content-type'] === 'application/pdf') return (await context.request.get(href)).body();
          // A download also fires a response, whose body is gone once the download takes it over.
          return r.body().catch(() => fromDownload);
        }),
        fromDownload,
      ]);
      expect(got && Buffer.from(got).equals(sample.bytes), sample.name).toBe(true);
      for (const tab of context.pages()) if (tab !== page) await tab.close();
    }
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await saveScreenshot(page, `share-page-${scheme}`);
    }
  });
});
