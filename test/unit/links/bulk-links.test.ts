/**
 * Bulk actions over many links: each object is deleted once however many chosen links point to it,
 * and what cannot be done (an id no longer in the history, a deleted file, a refused deletion) is
 * listed with its reason while the rest goes ahead.
 */
import { describe, expect, it } from 'vitest';
import type { LinkRecord } from '../../../common/links';
import { deleteLinks, renewLinks, type LinkActions } from '../../../core/links/bulk-links';

const record = (n: number, key = `k/${n}`, extra: Partial<LinkRecord> = {}): LinkRecord => ({
  id: `id-${n}`,
  profileId: 'p1',
  bucket: 'b',
  key,
  name: `${n}.txt`,
  size: n,
  url: `https://s3.test/${n}`,
  createdAt: '2030-01-01T00:00:00.000Z',
  expiresAt: '2030-01-02T00:00:00.000Z',
  ...extra,
});

function actionsOver(links: LinkRecord[], refuse = new Set<string>()) {
  const deleted: string[] = [];
  const renewed: string[] = [];
  const actions: LinkActions = {
    get: async (id) => links.find((l) => l.id === id),
    renewMany: async (chosen) => {
      renewed.push(...chosen.map((l) => l.id));
      return [];
    },
    deleteObjects: async (objects) => {
      deleted.push(...objects.filter((o) => !refuse.has(o.key)).map((o) => o.key));
      return objects.filter((o) => refuse.has(o.key)).map((o) => ({ bucket: o.bucket, key: o.key, message: 'Access Denied' }));
    },
  };
  return { actions, deleted, renewed };
}

describe('bulk link actions', () => {
  it('deletes each object once, and lists what it could not delete with why', async () => {
    const links = [record(1), record(2, 'k/1'), record(3), record(4, 'k/4', { deletedAt: '2030-01-01T12:00:00.000Z' }), record(5)];
    const { actions, deleted } = actionsOver(links, new Set(['k/5']));
    const outcome = await deleteLinks(actions, ['id-1', 'id-2', 'id-3', 'id-4', 'id-5', 'id-gone', 'id-1']);
    // One call for every object: the store gets them in batches, not one request each.
    expect(deleted.sort()).toEqual(['k/1', 'k/3']);
    // id-1 and id-2 (one object), id-3, and id-4 (already deleted: nothing left to do).
    expect(outcome.done).toBe(4);
    expect(outcome.failed).toEqual([
      { id: 'id-gone', name: 'id-gone', message: 'That link is no longer in the history.' },
      { id: 'id-5', name: '5.txt', message: expect.stringContaining('Access Denied') as string },
    ]);
  });

  it('renews the links whose files remain, and says which were deleted', async () => {
    const links = [record(1), record(2, 'k/2', { deletedAt: '2030-01-01T12:00:00.000Z' })];
    const { actions, renewed } = actionsOver(links);
    const outcome = await renewLinks(actions, ['id-1', 'id-2'], 3600);
    expect(renewed).toEqual(['id-1']);
    expect(outcome).toEqual({ done: 1, failed: [{ id: 'id-2', name: '2.txt', message: '2.txt was deleted; upload it again to share it.' }] });
  });
});
