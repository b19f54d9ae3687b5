import { describe, expect, it } from 'vitest';
import type { LinkRecord } from '../../../common/links';
import { cleanupExpired, expiredObjects } from '../../../core/links/cleanup';

const now = new Date('2026-06-01T12:00:00Z');
let n = 0;
const link = (key: string, expiresAt: string, extra: Partial<LinkRecord> = {}): LinkRecord => ({
  id: `l${n++}`,
  profileId: 'p',
  bucket: 'b',
  key,
  name: key,
  size: 10,
  url: `https://s3/${key}?${n}`,
  createdAt: '2026-05-01T00:00:00Z',
  expiresAt,
  ...extra,
});
const past = '2026-06-01T11:59:59Z';
const future = '2026-06-01T12:00:01Z';

describe('clean up expired', () => {
  it("takes objects whose every link expired, not one with a live link, a deleted one, or another bucket's", () => {
    const links = [
      link('old', past),
      link('old', past),
      link('renewed', past),
      link('renewed', future),
      link('gone', past, { deletedAt: past }),
      link('old-url-alive', past, { replacedExpiresAt: future }),
      link('elsewhere', past, { bucket: 'other' }),
    ];
    expect(expiredObjects(links, now, 'b').map((o) => o.key)).toEqual(['old']);
    expect(expiredObjects(links, now).map((o) => o.key)).toEqual(['old', 'elsewhere']);
  });

  it('a dry run deletes nothing and lists what a real run would; a real run reports what failed and counts only what was deleted', async () => {
    const links = [link('a', past), link('b', past, { size: 5 })];
    const removed: string[] = [];
    const deps = {
      list: async () => links,
      now: () => now,
      removeMany: async (objects: readonly { bucket: string; key: string }[]) => {
        removed.push(...objects.filter((o) => o.key !== 'b').map((o) => o.key));
        return objects.filter((o) => o.key === 'b').map((o) => ({ bucket: o.bucket, key: o.key, message: 'Access Denied' }));
      },
    };
    expect(await cleanupExpired(deps, { dryRun: true })).toEqual({
      dryRun: true,
      count: 2,
      bytes: 15,
      keys: ['a', 'b'],
      objects: [
        { bucket: 'b', key: 'a', name: 'a', size: 10 },
        { bucket: 'b', key: 'b', name: 'b', size: 5 },
      ],
      failed: [],
    });
    expect(removed).toEqual([]);
    expect(await cleanupExpired(deps, { dryRun: false })).toEqual({
      dryRun: false,
      count: 1,
      bytes: 10,
      keys: ['a'],
      objects: [{ bucket: 'b', key: 'a', name: 'a', size: 10 }],
      failed: [{ bucket: 'b', key: 'b', message: 'Access Denied' }],
    });
  });

  it('a run given the confirmed objects deletes none other, even one whose links expired since', async () => {
    const links = [link('shown', past), link('expired-since', past)];
    const removed: string[] = [];
    const deps = {
      list: async () => links,
      now: () => now,
      removeMany: async (objects: readonly { key: string }[]) => {
        removed.push(...objects.map((o) => o.key));
        return [];
      },
    };
    const result = await cleanupExpired(deps, { dryRun: false, only: [{ bucket: 'b', key: 'shown' }] });
    expect(removed).toEqual(['shown']);
    expect(result).toMatchObject({ count: 1, keys: ['shown'] });
  });
});
