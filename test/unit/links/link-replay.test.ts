/**
 * Replay gives the same history whatever order the events come in: in particular a deletion,
 * whichever links to its object were read before it and whichever come after.
 */
import { describe, expect, it } from 'vitest';
import { LinkReplay } from '../../../core/links/link-replay';

const link = (id: string, key: string, createdAt: string, bucket = 'b') => ({
  t: 'created',
  id,
  profileId: 'p',
  bucket,
  key,
  name: key,
  size: 1,
  url: `https://s3.test/b/${key}?id=${id}`,
  createdAt,
  expiresAt: '2031-01-01T00:00:00.000Z',
});

const events = [
  link('a', 'x.txt', '2030-01-01T00:00:00.000Z'),
  link('b', 'x.txt', '2030-01-02T00:00:00.000Z'),
  link('c', 'y.txt', '2030-01-01T00:00:00.000Z'),
  // The same key in another bucket: another object, which the deletion leaves alone.
  link('o', 'x.txt', '2030-01-01T00:00:00.000Z', 'other'),
  { t: 'deleted', profileId: 'p', bucket: 'b', key: 'x.txt', at: '2030-01-03T00:00:00.000Z' },
  // The same key uploaded again after the deletion: a new object, alive.
  link('d', 'x.txt', '2030-01-04T00:00:00.000Z'),
  { t: 'relinked', id: 'c', url: 'https://s3.test/b/y.txt?new', expiresAt: '2032-01-01T00:00:00.000Z', at: '2030-01-05T00:00:00.000Z' },
].map((e) => JSON.stringify(e));

function* permutations<T>(items: readonly T[]): Generator<T[]> {
  if (items.length <= 1) return yield [...items];
  for (const [i, item] of items.entries()) for (const rest of permutations(items.filter((_, j) => j !== i))) yield [item, ...rest];
}

/** Each link's state, by id: the order of the list follows the order links were first read in. */
const replayed = (lines: readonly string[]) => {
  const replay = new LinkReplay();
  for (const line of lines) replay.applyLine(line);
  return Object.fromEntries(replay.newestFirst().map((l) => [l.id, { url: l.url, deletedAt: l.deletedAt }]));
};

describe('link replay', () => {
  it('gives every order of the events the same links, deleted or not', () => {
    const expected = {
      a: { url: 'https://s3.test/b/x.txt?id=a', deletedAt: '2030-01-03T00:00:00.000Z' },
      b: { url: 'https://s3.test/b/x.txt?id=b', deletedAt: '2030-01-03T00:00:00.000Z' },
      c: { url: 'https://s3.test/b/y.txt?new', deletedAt: undefined },
      d: { url: 'https://s3.test/b/x.txt?id=d', deletedAt: undefined },
      o: { url: 'https://s3.test/b/x.txt?id=o', deletedAt: undefined },
    };
    let orders = 0;
    for (const order of permutations(events)) {
      expect(replayed(order)).toEqual(expected);
      orders++;
    }
    expect(orders).toBe(5040);
  });

  it('applies a second deletion of an object to the links read since the first', () => {
    const lines = [
      events[0]!,
      events[4]!,
      JSON.stringify(link('e', 'x.txt', '2030-01-06T00:00:00.000Z')),
      JSON.stringify({ t: 'deleted', profileId: 'p', bucket: 'b', key: 'x.txt', at: '2030-01-07T00:00:00.000Z' }),
    ];
    expect(replayed(lines)).toEqual({
      a: { url: 'https://s3.test/b/x.txt?id=a', deletedAt: '2030-01-07T00:00:00.000Z' },
      e: { url: 'https://s3.test/b/x.txt?id=e', deletedAt: '2030-01-07T00:00:00.000Z' },
    });
  });
});
