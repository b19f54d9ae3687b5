/**
 * The keyboard alone, in Chromium on the real engine and radosgw: Tab reaches the uploads, the
 * arrow keys move between rows, Enter copies the focused row's link, Escape closes the QR dialog,
 * Ctrl+/ lists every shortcut, and the app menu's entries for the shortcuts do the same.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBucket } from '../support/s3';
import { startHarness, type Harness } from './harness';

/** More than any path from the top of the window to the list needs; a loop that never gets there fails. */
const MAX_TABS = 40;

describe('keyboard', () => {
  let h: Harness;
  const names = ['first.txt', 'second.txt', 'third.txt'];

  beforeAll(async () => {
    h = await startHarness();
    const dir = await mkdtemp(join(tmpdir(), 'signdrop-keys-'));
    for (const name of names) await writeFile(join(dir, name), `the ${name}\n`);
    await h.addProfile(await createTestBucket('keys'));
    await h.dropFiles(names.map((n) => join(dir, n)));
    for (const name of names) await h.page.getByLabel(`Link to ${name}`, { exact: true }).waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await h?.close();
  });

  const focused = () =>
    h.page.evaluate(() => ({ role: document.activeElement?.getAttribute('role'), label: document.activeElement?.getAttribute('aria-label') }));

  it('Tab reaches the list, ↓ ↓ moves to the third row, Enter copies its link', async () => {
    const { page } = h;
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    for (let i = 0; i < MAX_TABS && (await focused()).role !== 'listitem'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ role: 'listitem', label: 'first.txt' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toEqual({ role: 'listitem', label: 'third.txt' });
    // The drop copied all three links when it finished; Enter adds the third row's alone.
    const copies = h.app.clipboard.length;
    await page.keyboard.press('Enter');
    await expect.poll(() => h.app.clipboard.length).toBe(copies + 1);
    expect(h.app.clipboard.at(-1)).toBe(await page.getByLabel('Link to third.txt', { exact: true }).inputValue());
    // Up goes back, and stops at the first row.
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
    expect(await focused()).toEqual({ role: 'listitem', label: 'first.txt' });
    await page.keyboard.press('End');
    expect(await focused()).toEqual({ role: 'listitem', label: 'third.txt' });
  });

  it('Escape closes the QR dialog, and focus returns to its button', async () => {
    const { page } = h;
    for (let i = 0; i < MAX_TABS && (await focused()).label !== 'QR code for third.txt'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'QR code for third.txt' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await focused()).label).toBe('QR code for third.txt');
  });

  it('Ctrl+/ lists the shortcuts; Escape closes the list; the tabs name theirs in tooltips', async () => {
    const { page } = h;
    await page.keyboard.press('Control+/');
    const panel = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await panel.waitFor();
    const text = await panel.textContent();
    for (const line of ['Ctrl+1', 'Show uploads', 'Ctrl+Shift+C', 'Enter', 'Copy the link of the upload in focus', 'Esc']) expect(text).toContain(line);
    await h.screenshot('keyboard-shortcuts-light');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(await page.getByRole('button', { name: 'History' }).getAttribute('title')).toBe('Show link history (Ctrl+2)');
    expect(await page.getByRole('button', { name: 'Choose files…' }).getAttribute('title')).toBe('Choose files to upload (Ctrl+O)');
  });

  it("the app menu's entries for the window's shortcuts do what the keys do", async () => {
    const { page } = h;
    const menu = (name: string) =>
      page.evaluate((n) => (window as unknown as { __signdropEmit: (e: string, p: unknown) => void }).__signdropEmit('window:shortcut', n), name);
    const current = () => page.locator('nav[aria-label="Views"] [aria-current="page"]').textContent();
    await menu('history');
    await expect.poll(current).toBe('History');
    await menu('help');
    const panel = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await panel.waitFor();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    await menu('uploads');
    await expect.poll(current).toBe('Uploads');
  });
});
