/**
 * Several real files and a folder dropped at once: every one lands in radosgw, and the links
 * from "Copy all links" download exactly their bytes.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBucket } from '../support/s3';
import { startHarness, type Harness } from './harness';

describe('a batch of files and a folder', () => {
  let h: Harness;
  let dir: string;
  const contents = new Map<string, Buffer>();

  beforeAll(async () => {
    h = await startHarness();
    dir = await mkdtemp(join(tmpdir(), 'signdrop-batch-'));
    await mkdir(join(dir, 'photos', 'raw'), { recursive: true });
    const files = ['notes.txt', 'naïve café #1 & more.md', '🎉 party.bin', 'photos/a.jpg', 'photos/raw/b.cr2'];
    for (const [i, name] of files.entries()) {
      const bytes = randomBytes(10_000 + i * 7_777);
      contents.set(name.slice(name.lastIndexOf('/') + 1), bytes);
      await writeFile(join(dir, name), bytes);
    }
    // A link back to its own folder: reported and left out, never walked forever.
    await symlink(join(dir, 'photos'), join(dir, 'photos', 'raw', 'loop'));
    await h.addProfile(await createTestBucket('batch'));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('uploads them all and every copied link downloads the same bytes', async () => {
    const { page } = h;
    await h.dropFiles([join(dir, 'notes.txt'), join(dir, 'naïve café #1 & more.md'), join(dir, '🎉 party.bin'), join(dir, 'photos')]);
    await expect.poll(() => page.getByText('5 of 5 done').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.locator('.warning[role=alert]').textContent()).toMatch(/One item was left out:.*symlink loop/);
    // The folder's files keep their relative paths in the queue.
    await page.getByRole('listitem', { name: 'photos/raw/b.cr2' }).waitFor();
    // The link names the download after the file itself, not its folder path.
    expect(await page.getByRole('listitem', { name: 'photos/raw/b.cr2' }).textContent()).toContain('downloads as “b.cr2”');

    // The finished batch copied its five links on its own; "Copy all links" copies them again.
    await expect.poll(() => h.app.clipboard.length).toBe(1);
    expect(h.app.clipboard[0]!.split('\n')).toHaveLength(5);
    h.app.clipboard.splice(0);
    await page.getByRole('button', { name: 'Copy all links' }).click();
    await expect.poll(() => h.app.clipboard.length).toBe(1);
    const urls = h.app.clipboard[0]!.split('\n');
    expect(urls).toHaveLength(5);
    const downloaded = new Map<string, Buffer>();
    for (const url of urls) {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      const disposition = response.headers.get('content-disposition') ?? '';
      const name = decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]!);
      downloaded.set(name, Buffer.from(await response.arrayBuffer()));
    }
    expect([...downloaded.keys()].sort()).toEqual([...contents.keys()].sort());
    for (const [name, bytes] of contents) expect(downloaded.get(name)!.equals(bytes), name).toBe(true);

    await page.getByLabel('Copy as').selectOption({ label: 'Markdown' });
    await page.getByRole('button', { name: 'Copy all links' }).click();
    await expect.poll(() => h.app.clipboard.length).toBe(2);
    expect(h.app.clipboard[1]).toContain('[naïve café #1 & more.md](http');
    await h.screenshot('batch-light');
  });

  it('the first file on disk is untouched', async () => {
    expect((await readFile(join(dir, 'notes.txt'))).equals(contents.get('notes.txt')!)).toBe(true);
  });
});
