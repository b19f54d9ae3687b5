/**
 * A link the window shows (and may copy at once) is already in the link history on disk: the
 * event that carries a finished upload reaches the window only after the history was written.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueSnapshot } from '../../common/uploads';
import { createTestApp, type TestApp } from '../support/app';
import { createTestBucket, rgwProfile } from '../support/s3';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('link history before the window', () => {
  it('every link in an uploads:changed event is already written to the history file', async () => {
    app = await createTestApp();
    const saved = await app.invoke('profiles:save', rgwProfile('shown', await createTestBucket('shown')));
    if (!saved.ok) throw new Error(saved.error.message);
    const paths = await Promise.all(
      ['a.txt', 'b.txt', 'c.txt'].map(async (name) => {
        const path = join(app!.dataDir, name);
        await writeFile(path, randomBytes(1024));
        return path;
      }),
    );
    const onDisk: { url: string; logged: boolean }[] = [];
    app.onEvent((event, payload) => {
      if (event !== 'uploads:changed') return;
      // Read synchronously, as the window would see the event: nothing may be written in between.
      const links = (payload as QueueSnapshot).items.flatMap((item) => (item.link ? [item.link.url] : []));
      if (links.length === 0) return;
      const log = readFileSync(join(app!.dataDir, 'links.jsonl'), 'utf8');
      for (const url of links) onDisk.push({ url, logged: log.includes(JSON.stringify(url)) });
    });
    const queued = await app.invoke('uploads:enqueue', { profileId: saved.value.id, expiresInSeconds: 3600, files: paths.map((path) => ({ path })) });
    if (!queued.ok) throw new Error(queued.error.message);
    await expect.poll(() => new Set(onDisk.map((l) => l.url)).size, { timeout: 30_000 }).toBe(3);
    expect(onDisk.every((l) => l.logged)).toBe(true);
  });
});
