/**
 * History's pages: search over name and key, the four filters judged at the view's clock, the
 * counts under each filter, and a window of rows, the same whether a search narrows or widens.
 */
import { describe, expect, it } from 'vitest';
import type { LinkRecord } from '../../../common/links';
import { matchLinks, queryLinks } from '../../../core/links/link-query';

const NOW = Date.parse('2030-01-10T00:00:00.000Z');
const HOUR = 3_600_000;
const record = (n: number, expiresInMs: number, extra: Partial<LinkRecord> = {}): LinkRecord => ({
  id: `id-${n}`,
  profileId: 'p1',
  bucket: 'b',
  key: `batch-${n % 3}/File-${n}.PDF`,
  name: `File-${n}.PDF`,
  size: n,
  url: `https://s3.test/${n}`,
  createdAt: '2030-01-01T00:00:00.000Z',
  expiresAt: new Date(NOW + expiresInMs).toISOString(),
  ...extra,
});

describe('history query', () => {
  const links = [
    record(1, 3 * 24 * HOUR),
    record(2, 2 * HOUR),
    record(3, -HOUR),
    record(4, 5 * 24 * HOUR, { deletedAt: '2030-01-09T00:00:00.000Z' }),
    record(5, 12 * HOUR),
  ];

  it('filters by whether a link still works, at the given moment, and counts every filter', () => {
    const ids = (filter: 'all' | 'active' | 'expiring' | 'expired') =>
      Array.from(matchLinks(links, { search: '', filter, now: NOW }).matches, (i) => links[i]!.id);
    expect(ids('all')).toEqual(['id-1', 'id-2', 'id-3', 'id-4', 'id-5']);
    expect(ids('active')).toEqual(['id-1', 'id-2', 'id-5']);
    expect(ids('expiring')).toEqual(['id-2', 'id-5']);
    expect(ids('expired')).toEqual(['id-3', 'id-4']);
    expect(matchLinks(links, { search: '', filter: 'all', now: NOW }).counts).toEqual({ all: 5, active: 3, expiring: 2, expired: 2 });
    // Thirteen hours later, the twelve-hour link is gone too.
    expect(matchLinks(links, { search: '', filter: 'expired', now: NOW + 13 * HOUR }).counts.expired).toBe(4);
  });

  it('searches name and key, ignoring case, and answers a window of the matches', () => {
    const page = queryLinks(links, { search: '  BATCH-1/ ', filter: 'all', now: NOW, offset: 0, limit: 10 });
    expect(page.rows.map((l) => l.id)).toEqual(['id-1', 'id-4']);
    expect(page.counts).toEqual({ all: 2, active: 1, expiring: 0, expired: 1 });
    const window = queryLinks(links, { search: 'file', filter: 'all', now: NOW, offset: 1, limit: 2 });
    expect(window).toMatchObject({ total: 5, offset: 1 });
    expect(window.rows.map((l) => l.id)).toEqual(['id-2', 'id-3']);
  });

  it('answers the same whether a search narrows the last one or widens it again', () => {
    const ids = (search: string) => queryLinks(links, { search, filter: 'all', now: NOW, offset: 0, limit: 10 }).rows.map((l) => l.id);
    expect(ids('batch-1')).toEqual(['id-1', 'id-4']);
    expect(ids('batch-1/file-4')).toEqual(['id-4']);
    expect(ids('batch-1')).toEqual(['id-1', 'id-4']);
    expect(ids('file-')).toEqual(['id-1', 'id-2', 'id-3', 'id-4', 'id-5']);
    // The same search on a new version of the history is searched afresh.
    const changed = [record(6, HOUR), ...links];
    expect(queryLinks(changed, { search: 'file-', filter: 'all', now: NOW, offset: 0, limit: 10 }).total).toBe(6);
  });

  it('answers 100,000 links as a plain scan would, keystroke by keystroke (the time is npm run bench:history-ui)', () => {
    const many = Array.from({ length: 100_000 }, (_, n) => record(n, (n % 100) * HOUR - 10 * HOUR));
    for (const search of ['f', 'fi', 'file-9', 'file-99', 'file-999', 'file-99', 'file-9', 'batch-2/file-9', '']) {
      const needle = search.toLowerCase();
      const plain = many.filter((l) => `${l.name}\n${l.key}`.toLowerCase().includes(needle) && Date.parse(l.expiresAt) > NOW);
      const page = queryLinks(many, { search, filter: 'active', now: NOW, offset: 0, limit: 100 });
      expect(page.total, search).toBe(plain.length);
      expect(page.rows.map((l) => l.id)).toEqual(plain.slice(0, 100).map((l) => l.id));
    }
  });

  it('a new version of the history reuses what its unchanged links had, and follows the changed ones', () => {
    const first = queryLinks(links, { search: 'file', filter: 'active', now: NOW, offset: 0, limit: 10 });
    expect(first.rows.map((l) => l.id)).toEqual(['id-1', 'id-2', 'id-5']);
    // As the history changes: a link added on top, one deleted (its record replaced), one relinked to expire sooner.
    const next = [
      record(6, HOUR),
      ...links.map((l) =>
        l.id === 'id-1' ? { ...l, deletedAt: '2030-01-09T00:00:00.000Z' } : l.id === 'id-5' ? { ...l, expiresAt: new Date(NOW - 1).toISOString() } : l,
      ),
    ];
    const page = queryLinks(next, { search: 'file', filter: 'active', now: NOW, offset: 0, limit: 10 });
    expect(page.rows.map((l) => l.id)).toEqual(['id-6', 'id-2']);
    expect(page.counts).toEqual({ all: 6, active: 2, expiring: 2, expired: 4 });
  });
});
