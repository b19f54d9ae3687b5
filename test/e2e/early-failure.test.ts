/**
 * Failures that show early, in Chromium on the real handlers and radosgw: files dropped before
 * any profile exists wait for it; a drop onto a profile whose test failed asks first, and with
 * the store unreachable its row soon says it is retrying; a row waiting to retry counts down and says why; "1 failed — show" brings a failed row into view;
 * the list follows new rows.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueSnapshot, UploadItem } from '../../common/uploads';
import { createTestBucket } from '../support/s3';
import { startHarness, type Harness } from './harness';

/**
 * A store that cannot be reached: every connection is dropped as soon as it is made. (A refused
 * connection on this computer is failed at once instead, since waiting cannot help it.)
 */
async function startDroppingServer(): Promise<{ endpoint: string; close(): Promise<void> }> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A row main never made, sent as one of its batches: the renderer shows it like any other. */
function item(name: string, fields: Partial<UploadItem>): UploadItem {
  return { id: `shown-${name}`, profileId: 'p', name, size: 1000, key: name, bucket: 'b', state: 'completed', bytesSent: 1000, ...fields };
}

describe('early, visible failure', () => {
  let h: Harness;
  let dir: string;
  let bucket: string;
  let dead: Awaited<ReturnType<typeof startDroppingServer>>;

  /** Delivers items as main's queue would, in one `uploads:changed` batch. */
  const emit = (items: UploadItem[]) => {
    const counts = { queued: 0, uploading: 0, paused: 0, completed: 0, failed: 0, canceled: 0 };
    const snapshot: QueueSnapshot = { items, removed: [], totals: { bytesSent: 0, bytesTotal: 0, speed: 0, counts } };
    return h.page.evaluate((s) => (window as unknown as { __signdropEmit: (e: string, p: unknown) => void }).__signdropEmit('uploads:changed', s), snapshot);
  };
  /** Whether the whole row is inside the visible part of the list. */
  const inView = (name: string) =>
    h.page.getByRole('listitem', { name, exact: true }).evaluate((row) => {
      const list = row.closest('[role="list"]')!.getBoundingClientRect();
      const r = row.getBoundingClientRect();
      return r.top >= list.top - 1 && r.bottom <= list.bottom + 1;
    });

  beforeAll(async () => {
    h = await startHarness();
    dead = await startDroppingServer();
    dir = await mkdtemp(join(tmpdir(), 'signdrop-early-'));
    for (const name of ['early.txt', 'asked.txt', 'chosen.txt', 'latest.txt']) await writeFile(join(dir, name), `${name}\n`);
  });
  afterAll(async () => {
    await h?.close();
    await dead?.close();
  });

  it('files dropped on the welcome screen wait for the first profile, then upload', async () => {
    const { page } = h;
    await h.dropFiles([join(dir, 'early.txt')]);
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toMatch(/^Add a storage profile first: the file you dropped will upload once it is saved\.$/);
    bucket = await createTestBucket('early');
    await h.addProfile(bucket);
    const link = page.getByLabel('Link to early.txt', { exact: true });
    await link.waitFor({ timeout: 30_000 });
    expect(await (await fetch(await link.inputValue())).text()).toBe('early.txt\n');
  });

  it('a drop onto a profile whose test failed asks first; Escape uploads nothing, "Upload anyway" does', async () => {
    const { page } = h;
    await page.getByLabel('Profile').selectOption({ label: 'Add a profile…' });
    await h.addProfile('dead-store', dead.endpoint);
    await h.dropFiles([join(dir, 'asked.txt')]);
    const question = page.getByRole('dialog', { name: 'Upload anyway?' });
    await question.waitFor();
    expect(await question.textContent()).toMatch(/This profile could not connect: .+ Upload this file anyway\?/);
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'hidden' });
    expect(await page.getByRole('listitem', { name: 'asked.txt', exact: true }).count()).toBe(0);

    // Asked again and closed, with the next drop landing before that close reaches the app: the
    // late close answers only its own question, so the new one is asked, not cancelled with it.
    await h.dropFiles([join(dir, 'asked.txt')]);
    await question.waitFor();
    await h.dropFiles([join(dir, 'asked.txt')], { closeDialog: true });
    await page.getByRole('button', { name: 'Upload anyway' }).click();
    // Nothing answers there: within 2 s the row says it is waiting to retry, and why, not a speed.
    const retry = page.getByRole('listitem', { name: 'asked.txt', exact: true }).locator('.upload-retry');
    await expect.poll(() => retry.textContent(), { timeout: 2_000 }).toMatch(/^Retrying (in \d+ s|now) \(\d+ of \d+\): .+$/);
    await page.getByRole('button', { name: 'Cancel asked.txt' }).click();
  });

  it('files chosen with "Choose files…" onto that profile are asked about too, as a drop is', async () => {
    const { page } = h;
    h.app.dialogPaths = [join(dir, 'chosen.txt')];
    await page.getByRole('button', { name: 'Choose files…' }).click();
    const question = page.getByRole('dialog', { name: 'Upload anyway?' });
    await question.waitFor();
    expect(await question.textContent()).toMatch(/This profile could not connect: .+ Upload this file anyway\?/);
    await question.getByRole('button', { name: 'Cancel', exact: true }).click();
    await question.waitFor({ state: 'hidden' });
    expect(await page.getByRole('listitem', { name: 'chosen.txt', exact: true }).count()).toBe(0);
    // Closing the dialog without choosing asks nothing.
    h.app.dialogPaths = [];
    await page.getByRole('button', { name: 'Choose files…' }).click();
    await page.waitForTimeout(300);
    expect(await question.count()).toBe(0);
  });

  it('a row waiting to retry counts down to its next try and says why', async () => {
    const nextAt = new Date(Date.now() + 4_000).toISOString();
    const retry = { attempt: 3, of: 8, nextAt, reason: 'the store could not be reached' };
    await emit([item('retrying.bin', { state: 'uploading', bytesSent: 0, speed: 0, retry })]);
    const row = h.page.getByRole('listitem', { name: 'retrying.bin', exact: true });
    const said = () => row.locator('.upload-retry').textContent();
    await expect.poll(said).toMatch(/^Retrying in [34] s \(3 of 8\): the store could not be reached$/);
    expect(await row.textContent()).not.toMatch(/B\/s|Uploading/);
    await expect.poll(said, { timeout: 3_000 }).toMatch(/^Retrying in [12] s/);
    await expect.poll(said, { timeout: 5_000 }).toBe('Retrying now (3 of 8): the store could not be reached');
  });

  it('"1 failed — show" brings a failed row far down the list into view and focuses it', async () => {
    const { page } = h;
    const filler = Array.from({ length: 40 }, (_, i) => item(`done-${i}.bin`, {}));
    const error = { code: 'endpoint-unreachable' as const, message: 'Could not reach the store.', retryable: true };
    await emit([item('broken.bin', { state: 'failed', bytesSent: 0, error }), ...filler]);
    await page.getByRole('list', { name: 'Uploads' }).evaluate((list) => list.scrollTo(0, list.scrollHeight));
    await page.getByRole('button', { name: '1 failed — show' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('broken.bin');
    expect(await inView('broken.bin')).toBe(true);
  });

  it('new rows appear where the user sees them: the list follows them', async () => {
    const { page } = h;
    await page.getByRole('list', { name: 'Uploads' }).evaluate((list) => list.scrollTo(0, 0));
    await page.getByLabel('Profile').selectOption({ label: `Ceph ${bucket} (${bucket})` });
    await h.dropFiles([join(dir, 'latest.txt')]);
    const row = page.getByRole('listitem', { name: 'latest.txt', exact: true });
    await row.waitFor();
    expect(await inView('latest.txt')).toBe(true);
  });
});
