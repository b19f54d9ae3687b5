/**
 * The app and the CLI appending to the same history at the same time: two Node processes, each
 * recording 1,000 links in many small batches (and compacting as they go), lose no entry.
 * Threads in one process would not prove this: the point is two processes and two file descriptors.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAsAppAndCli } from '../../support/two-processes';
import { LinkHistory } from '../../../core/links/link-history';

const PER_PROCESS = 1_000;

// Each child: 1,000 links in batches of 1 to 20 (awaited, so the two processes' writes alternate),
// each relinked twice, a deleted mark every 7 links and a list now and then: the relinks make
// most lines redundant, so compactions run while the other process appends.
const CHILD = `
const { LinkHistory } = require(process.env.BUNDLE);
(async () => {
  const history = new LinkHistory(process.env.DATA_DIR, () => new Date(), { compactAfter: 50 });
  const name = process.env.NAME;
  for (let n = 0; n < ${PER_PROCESS}; ) {
    const batch = [];
    for (let i = 0; i < 1 + (n % 20) && n < ${PER_PROCESS}; i++, n++) {
      const key = name + '/' + n;
      const url = 'https://s3.test/' + key;
      batch.push(history.add({ profileId: 'p', bucket: 'b', key, name: key, size: n, url, expiresAt: '2030-01-01T00:00:00.000Z' })
        .then((l) => history.relink(l.id, url + '#1', '2030-01-02T00:00:00.000Z'))
        .then((l) => history.relink(l.id, url + '#2', '2030-01-03T00:00:00.000Z')));
      if (n % 7 === 0) batch.push(history.markDeleted('p', 'b', name + '/' + (n - 7)));
    }
    await Promise.all(batch);
    if (n % 100 < 20) await history.list();
  }
  await history.flush();
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe('two processes appending to one history', () => {
  it('the app and the CLI, run at the same time on the same folder, lose no entry', { timeout: 60_000 }, async () => {
    const work = await mkdtemp(join(tmpdir(), 'signdrop-two-'));
    const dataDir = join(work, 'data');
    const codes = await runAsAppAndCli(join(__dirname, '../../../core/links/link-history.ts'), CHILD, work, dataDir);
    expect(codes).toEqual([0, 0]);

    const history = new LinkHistory(dataDir);
    const links = await history.list();
    expect(history.loadProblem).toBeUndefined();
    expect(new Set(links.map((l) => l.key)).size).toBe(2 * PER_PROCESS);
    expect(links).toHaveLength(2 * PER_PROCESS);
    expect(links.filter((l) => !l.url.endsWith('#2'))).toEqual([]);
    // Compactions did run: the file holds fewer lines than the events written (links, two relinks each, 143 deletions each).
    const lines = (await readFile(join(dataDir, 'links.jsonl'), 'utf8')).split('\n').filter(Boolean).length;
    expect(lines).toBeLessThan(2 * (3 * PER_PROCESS + 143));
    for (const name of ['app', 'cli']) {
      // Every 7th link was marked deleted by its own process, 7 links later; the last one was never marked.
      const deleted = links.filter((l) => l.key.startsWith(`${name}/`) && l.deletedAt).map((l) => Number(l.key.split('/')[1]));
      expect(deleted.sort((a, b) => a - b)).toEqual(Array.from({ length: Math.floor((PER_PROCESS - 1) / 7) }, (_, i) => i * 7));
    }
  });
});
