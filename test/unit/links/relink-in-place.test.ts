/**
 * A new link in place: the entry keeps its id and place, takes the new URL and expiry, and keeps
 * the expiry of the link it replaced (that URL still works until then), also after a restart and
 * after compaction.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LinkHistory } from '../../../core/links/link-history';

const tempDir = () => mkdtemp(join(tmpdir(), 'signdrop-relink-'));
const link = (n: number) => ({
  profileId: 'p1',
  bucket: 'b',
  key: `k/${n}.txt`,
  name: `${n}.txt`,
  size: n,
  url: `https://s3.test/b/k/${n}.txt?sig=${n}`,
  expiresAt: `2030-01-0${n}T00:00:00.000Z`,
});
const lineCount = async (dir: string) => (await readFile(join(dir, 'links.jsonl'), 'utf8')).split('\n').filter(Boolean).length;

describe('relinking in place', () => {
  it('updates the entry where it stands and keeps the replaced expiry', async () => {
    const dir = await tempDir();
    const history = new LinkHistory(dir);
    const [first, second] = [await history.add(link(1)), await history.add(link(2))];
    const relinked = await history.relink(first.id, 'https://s3.test/b/k/1.txt?sig=new', '2031-01-01T00:00:00.000Z');
    expect(relinked).toEqual({ ...first, url: 'https://s3.test/b/k/1.txt?sig=new', expiresAt: '2031-01-01T00:00:00.000Z', replacedExpiresAt: first.expiresAt });
    await history.relink(first.id, 'https://s3.test/b/k/1.txt?sig=newer', '2032-01-01T00:00:00.000Z');

    const listed = await history.list();
    expect(listed.map((l) => l.id)).toEqual([second.id, first.id]);
    expect(listed[1]).toMatchObject({ url: 'https://s3.test/b/k/1.txt?sig=newer', replacedExpiresAt: '2031-01-01T00:00:00.000Z' });
    expect(await new LinkHistory(dir).list()).toEqual(listed);
  });

  it('keeps the replaced expiry through compaction', async () => {
    const dir = await tempDir();
    const writer = new LinkHistory(dir);
    const added = await writer.add(link(1));
    for (let n = 1; n <= 5; n++) await writer.relink(added.id, `${added.url}&again=${n}`, `2031-01-0${n}T00:00:00.000Z`);
    const before = await writer.list();
    expect(before[0]!.replacedExpiresAt).toBe('2031-01-04T00:00:00.000Z');

    const compacting = new LinkHistory(dir, () => new Date(), { compactAfter: 2 });
    expect(await compacting.list()).toEqual(before);
    await expect.poll(() => lineCount(dir)).toBe(1);
    expect(await new LinkHistory(dir).list()).toEqual(before);
  });
});
