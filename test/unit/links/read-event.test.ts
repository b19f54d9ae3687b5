/**
 * The hand-written check of `created` lines (the start-up read's fast path) agrees with the
 * schema on every line: what it accepts, the schema accepts as the same record, and what it
 * refuses the schema judges.
 */
import { describe, expect, it } from 'vitest';
import { LinkEventSchema } from '../../../core/links/link-events';
import { readEvent } from '../../../core/links/read-event';

const created = {
  t: 'created',
  id: 'a',
  profileId: 'p',
  bucket: 'b',
  key: 'k/1.txt',
  name: '1.txt',
  size: 1,
  url: 'https://s3.test/b/k/1.txt?sig=1',
  createdAt: '2030-01-01T00:00:00.000Z',
  expiresAt: '2030-01-02T00:00:00.000Z',
};

/** What the schema alone makes of a line, in the replay's shape. */
function bySchema(json: unknown): unknown {
  const parsed = LinkEventSchema.safeParse(json);
  if (!parsed.success) return undefined;
  if (parsed.data.t !== 'created') return parsed.data;
  const { t: _, relinkedAt, ...record } = parsed.data;
  return { t: 'created', record, relinkedAt };
}

const lines: [string, unknown][] = [
  ['a plain created line', created],
  [
    'one with every optional field',
    { ...created, deletedAt: '2030-01-03T00:00:00.000Z', replacedExpiresAt: '2030-01-01T12:00:00.000Z', relinkedAt: '2030-01-01T06:00:00.000Z' },
  ],
  ['one with a field a newer version added', { ...created, tags: ['x'] }],
  ['a size as text', { ...created, size: '1' }],
  ['an infinite size (1e999 in the file)', JSON.parse(JSON.stringify(created).replace('"size":1', '"size":1e999'))],
  ['no URL', { ...created, url: undefined }],
  ['a null deletion time', { ...created, deletedAt: null }],
  ['a relink time as a number', { ...created, relinkedAt: 5 }],
  ['a relinked line', { t: 'relinked', id: 'a', url: 'https://new', expiresAt: '2031-01-01T00:00:00.000Z', at: '2030-01-02T00:00:00.000Z' }],
  ['a deleted line', { t: 'deleted', profileId: 'p', bucket: 'b', key: 'k/1.txt', at: '2030-01-02T00:00:00.000Z' }],
  ['an event of a newer version', { t: 'archived', id: 'a' }],
  ['an array', [created]],
  ['null', null],
  ['a string', 'created'],
];

describe('reading a log line as an event', () => {
  it.each(lines)('%s reads as the schema reads it', (_, json) => {
    const read = readEvent(json);
    expect(read).toStrictEqual(bySchema(json));
    // The record's fields come in the schema's order, so a compacted line is written the same way.
    if (read?.t === 'created') expect(Object.keys(read.record)).toEqual(Object.keys((bySchema(json) as typeof read).record));
  });
});
