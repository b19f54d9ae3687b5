/**
 * The link log: what is added is on disk and replays the same, newest first; a crash's torn last
 * line costs that line only; compaction keeps every link in a smaller file; the old links.json
 * is imported once.
 */
import { appendFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LinkRecord } from '../../../common/links';
import { LinkHistory } from '../../../core/links/link-history';

const tempDir = () => mkdtemp(join(tmpdir(), 'signdrop-links-'));
const link = (n: number, key = `k/${n}.txt`) => ({
  profileId: 'p1', bucket: 'b', key, name: `${n}.txt`, size: n, url: `https://s3.test/b/${key}?sig=${n}`, expiresAt: '2030-01-01T00:00:00.000Z',
});
const logLines = async (dir: string) => (await readFile(join(dir, 'links.jsonl'), 'utf8')).split('\n').filter(Boolean);

describe('link history log', () => {
  it('lists links newest first, and a new instance replays the same history from the file', async () => {
    const dir = await tempDir();
    const history = new LinkHistory(dir);
    const added: LinkRecord[] = [];
    for (let n = 1; n <= 3; n++) added.push(await history.add(link(n)));
    await history.markDeleted('p1', 'b', 'k/2.txt');
    const relinked = await history.relink(added[0]!.id, 'https://s3.test/b/k/1.txt?sig=new', '2031-01-01T00:00:00.000Z');
    expect(relinked).toMatchObject({ url: 'https://s3.test/b/k/1.txt?sig=new', expiresAt: '2031-01-01T00:00:00.000Z' });

    const listed = await history.list();
    expect(listed.map((l) => l.name)).toEqual(['3.txt', '2.txt', '1.txt']);
    expect(listed[1]!.deletedAt).toBeDefined();
    expect(await history.get(added[2]!.id)).toEqual(added[2]);
    expect(await logLines(dir)).toHaveLength(5);

    const again = new LinkHistory(dir);
    expect(await again.list()).toEqual(listed);
    expect(again.loadProblem).toBeUndefined();
  });

  it('puts many links added at once on disk before their promises resolve', async () => {
    const dir = await tempDir();
    const history = new LinkHistory(dir);
    const added = await Promise.all(Array.from({ length: 500 }, (_, n) => history.add(link(n))));
    // Another reader, with nothing in memory, sees every one of them.
    const ids = new Set((await new LinkHistory(dir).list()).map((l) => l.id));
    expect(added.every((l) => ids.has(l.id))).toBe(true);
    expect(ids.size).toBe(500);
  });

  it('flush waits for links whose add has not reached the file yet', async () => {
    const dir = await tempDir();
    const history = new LinkHistory(dir);
    void history.add(link(1));
    void history.add(link(2));
    await history.flush();
    expect(await logLines(dir)).toHaveLength(2);
  });

  it('sees links another instance appended since its last read', async () => {
    const dir = await tempDir();
    const app = new LinkHistory(dir);
    const cli = new LinkHistory(dir);
    await app.add(link(1));
    expect(await cli.list()).toHaveLength(1);
    await cli.add(link(2));
    expect((await app.list()).map((l) => l.name)).toEqual(['2.txt', '1.txt']);
  });

  it('a log with a torn last line loads all earlier entries and says one was dropped', async () => {
    const dir = await tempDir();
    const writer = new LinkHistory(dir);
    for (let n = 1; n <= 3; n++) await writer.add(link(n));
    // A crash in the middle of writing the fourth line.
    await appendFile(join(dir, 'links.jsonl'), '{"t":"created","id":"x","profileId":"p1","bu');

    const history = new LinkHistory(dir);
    expect((await history.list()).map((l) => l.name)).toEqual(['3.txt', '2.txt', '1.txt']);
    expect(history.loadProblem).toMatch(/last entry in .*links\.jsonl was cut short .* dropped; every earlier entry was loaded/);

    // The next link starts on a line of its own, and is not taken for a damaged one.
    await history.add(link(4));
    expect((await history.list()).map((l) => l.name)).toEqual(['4.txt', '3.txt', '2.txt', '1.txt']);
    expect(history.loadProblem).not.toMatch(/skipped/);
    // Later the torn line sits in the middle: skipped, and counted.
    const later = new LinkHistory(dir);
    expect(await later.list()).toHaveLength(4);
    expect(later.loadProblem).toMatch(/^1 damaged line in .*links\.jsonl was skipped; every other entry was loaded\.$/);
  });

  it('skips damaged lines in the middle and says how many', async () => {
    const dir = await tempDir();
    const writer = new LinkHistory(dir);
    await writer.add(link(1));
    await appendFile(join(dir, 'links.jsonl'), 'garbage\n{"t":"cre\n');
    await writer.add(link(2));
    const history = new LinkHistory(dir);
    expect((await history.list()).map((l) => l.name)).toEqual(['2.txt', '1.txt']);
    expect(history.loadProblem).toMatch(/^2 damaged lines in .* were skipped/);
  });

  it('compacts a log with many redundant lines into one line per link, keeping every link', async () => {
    const dir = await tempDir();
    const writer = new LinkHistory(dir, () => new Date(), { compactAfter: 1_000_000 });
    const added: LinkRecord[] = [];
    for (let n = 0; n < 20; n++) added.push(await writer.add(link(n)));
    for (const [n, l] of added.entries()) {
      for (let again = 1; again <= 3; again++) await writer.relink(l.id, `${l.url}&again=${again}`, `2032-01-0${again}T00:00:00.000Z`);
      if (n % 2 === 0) await writer.markDeleted('p1', 'b', l.key);
    }
    const before = await writer.list();
    expect(before.every((l) => l.url.endsWith('&again=3'))).toBe(true);
    const sizeBefore = (await readFile(join(dir, 'links.jsonl'))).length;
    expect(await logLines(dir)).toHaveLength(20 + 60 + 10);

    const history = new LinkHistory(dir, () => new Date(), { compactAfter: 10 });
    expect(await history.list()).toEqual(before);
    // One line per link and one per deleted object (for links to it that another process may still be writing).
    await expect.poll(async () => (await logLines(dir)).length).toBe(20 + 10);
    expect((await readFile(join(dir, 'links.jsonl'))).length).toBeLessThan(sizeBefore);
    expect(await new LinkHistory(dir).list()).toEqual(before);
    // The compacted file is read again from its start; the writer that did not compact follows.
    expect(await history.list()).toEqual(before);
    await writer.add(link(99));
    expect((await history.list())[0]!.name).toBe('99.txt');
    expect((await readdir(dir)).sort()).toEqual(['links.jsonl']);
  });

  it('replays to the same history whatever order a compaction left the events in', async () => {
    const dir = await tempDir();
    const record = { ...link(1), id: 'a', createdAt: '2030-01-01T00:00:00.000Z' };
    const lines = [
      { t: 'relinked', id: 'a', url: 'https://new', expiresAt: '2031-01-01T00:00:00.000Z', at: '2030-01-03T00:00:00.000Z' },
      { t: 'deleted', profileId: 'p1', bucket: 'b', key: 'k/1.txt', at: '2030-01-04T00:00:00.000Z' },
      { t: 'created', ...record },
      { t: 'relinked', id: 'a', url: 'https://older', expiresAt: '2030-06-01T00:00:00.000Z', at: '2030-01-02T00:00:00.000Z' },
      { t: 'created', ...record },
      // The same key uploaded again after the deletion: a new object, alive.
      { t: 'created', ...link(1), id: 'b', createdAt: '2030-01-05T00:00:00.000Z' },
      // A compacted line read after the link's first one: its relink still counts.
      { t: 'created', ...link(1), id: 'b', url: 'https://compacted', createdAt: '2030-01-05T00:00:00.000Z', relinkedAt: '2030-01-06T00:00:00.000Z' },
    ];
    await writeFile(join(dir, 'links.jsonl'), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    const listed = await new LinkHistory(dir).list();
    expect(listed.map((l) => [l.id, l.url, l.deletedAt])).toEqual([
      ['b', 'https://compacted', undefined],
      ['a', 'https://new', '2030-01-04T00:00:00.000Z'],
    ]);
  });

  it('imports links.json from earlier versions once, in order, and keeps it as links.json.migrated', async () => {
    const dir = await tempDir();
    const old: LinkRecord[] = [2, 1].map((n) => ({ ...link(n), id: `id-${n}`, createdAt: `2025-01-0${n}T00:00:00.000Z` }));
    old[1] = { ...old[1]!, deletedAt: '2025-02-01T00:00:00.000Z' };
    const text = JSON.stringify({ version: 1, links: old }, null, 2);
    await writeFile(join(dir, 'links.json'), text);

    const history = new LinkHistory(dir);
    expect(await history.list()).toEqual(old);
    expect(history.loadProblem).toBeUndefined();
    expect((await readdir(dir)).sort()).toEqual(['links.json.migrated', 'links.jsonl']);
    expect(await readFile(join(dir, 'links.json.migrated'), 'utf8')).toBe(text);

    await history.add(link(3));
    expect((await new LinkHistory(dir).list()).map((l) => l.name)).toEqual(['3.txt', '2.txt', '1.txt']);
    // Imported twice (a crash before the rename): no link appears twice.
    await writeFile(join(dir, 'links.json'), text);
    expect((await new LinkHistory(dir).list()).map((l) => l.name)).toEqual(['3.txt', '2.txt', '1.txt']);
  });

  it('sets a corrupt links.json aside and says so, instead of importing it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'links.json'), '{"version":1,"links":[');
    const history = new LinkHistory(dir);
    expect(await history.list()).toEqual([]);
    expect(history.loadProblem).toMatch(/links\.json could not be read .* it was kept as .*links\.json\.corrupt-/);
  });
});
