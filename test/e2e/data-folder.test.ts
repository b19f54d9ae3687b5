/**
 * The app on a data folder that turns read-only (a real tmpfs, remounted): the file still uploads
 * and shows its link, the window says which file could not be saved and why, and says so again
 * when the folder takes writes again; then the history on disk holds the link.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinkHistory } from '../../core/links/link-history';
import { createTestBucket } from '../support/s3';
import { mountTmpfs, type Tmpfs } from '../support/tmpfs';
import { startHarness, type Harness } from './harness';

describe('a data folder that turns read-only', () => {
  let h: Harness;
  let fs: Tmpfs;
  beforeAll(async () => {
    fs = await mountTmpfs(8);
    h = await startHarness({ dataDir: fs.dir });
  });
  afterAll(async () => {
    await fs.writable().catch(() => undefined);
    await h?.close();
    await fs?.unmount();
  });

  it('the upload goes on, the window says what could not be saved and when it is saved again', async () => {
    const { page } = h;
    await h.addProfile(await createTestBucket('e2e-ro'));
    const file = join(await mkdtemp(join(tmpdir(), 'signdrop-ro-')), 'notes.txt');
    await writeFile(file, 'kept in memory\n');
    await fs.readOnly();
    await h.dropFiles([file]);
    const link = page.getByLabel('Link to notes.txt', { exact: true });
    await link.waitFor({ timeout: 30_000 });
    const historyFile = join(fs.dir, 'links.jsonl');
    const alert = page.getByRole('alert').filter({ hasText: historyFile });
    await expect
      .poll(() => alert.textContent(), { timeout: 10_000 })
      .toBe(
        `Could not save ${historyFile}: the disk is read-only. Uploads go on; their links are kept in memory (lost if Signdrop quits before then) and saved as soon as writing works again.`,
      );
    await h.screenshot('disk-notice-light');
    await fs.writable();
    const saved = page.getByRole('status').filter({ hasText: `${historyFile} can be written again: every link is in the history again.` });
    await saved.waitFor({ timeout: 20_000 });
    expect(await alert.count()).toBe(0);
    expect((await new LinkHistory(fs.dir).list()).map((l) => l.url)).toEqual([await link.inputValue()]);
    await saved.getByRole('button', { name: 'Dismiss' }).click();
    await saved.waitFor({ state: 'detached' });
  });
});
