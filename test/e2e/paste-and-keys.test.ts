/**
 * A screenshot pasted with Ctrl+V uploads from memory, and the keyboard shortcuts work,
 * in Chromium against radosgw.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBucket } from '../support/s3';
import { startHarness, type Harness } from './harness';

describe('paste and keyboard', () => {
  let h: Harness;
  // Not a real PNG, but bytes nobody could guess: what lands must be exactly these.
  const image = randomBytes(70_000);

  beforeAll(async () => {
    h = await startHarness();
    await h.addProfile(await createTestBucket('paste'));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a pasted screenshot uploads under a readable name and its link returns the same bytes', async () => {
    const { page } = h;
    await page.evaluate((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, image.toString('base64'));
    const link = page.getByLabel(/^Link to Pasted image \d{4}-\d\d-\d\d \d\d\.\d\d\.\d\d\.png$/);
    await link.waitFor({ timeout: 30_000 });
    const response = await fetch(await link.inputValue());
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(image)).toBe(true);
    // Copied on its own when it finished; the shortcut below copies it again.
    await expect.poll(() => h.app.clipboard.length).toBe(1);
    expect(h.app.clipboard[0]).toBe(await link.inputValue());
    h.app.clipboard.splice(0);
  });

  it('Ctrl+2 and Ctrl+1 switch views; Ctrl+Shift+C copies all links', async () => {
    const { page } = h;
    await page.keyboard.press('Control+2');
    await page.getByRole('heading', { name: 'Link history' }).waitFor();
    await page.keyboard.press('Control+1');
    await page.getByRole('button', { name: 'Copy all links' }).waitFor();
    await page.keyboard.press('Control+Shift+C');
    await expect.poll(() => h.app.clipboard.length).toBe(1);
    expect(h.app.clipboard[0]).toBe(await page.getByLabel(/^Link to Pasted image/).inputValue());
  });
});
