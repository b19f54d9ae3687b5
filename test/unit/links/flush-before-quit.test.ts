/** Quitting: the queue delivers its last changes (recording their links) before the history is flushed, and a hung disk does not hold the quit. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flushBeforeQuit } from '../../../core/links/flush-before-quit';
import { LinkHistory } from '../../../core/links/link-history';

const link = { profileId: 'p', bucket: 'b', key: 'k', name: 'k', size: 1, url: 'https://s3.test/k', expiresAt: '2030-01-01T00:00:00.000Z' };

describe('flushBeforeQuit', () => {
  it('records what the closing queue delivers, then waits until it is on disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'signdrop-quit-'));
    const links = new LinkHistory(dir);
    // The queue's close delivers a last batch, whose finished item is recorded (not awaited), as createCore does.
    const uploads = { close: async () => void links.add(link) };
    expect(await flushBeforeQuit({ uploads, links })).toBe(true);
    expect(await new LinkHistory(dir).list()).toHaveLength(1);
  });

  it('gives up after the timeout, so a hung disk cannot keep the app from quitting', async () => {
    const never = new Promise<void>(() => undefined);
    const started = Date.now();
    expect(await flushBeforeQuit({ uploads: { close: async () => undefined }, links: { flush: () => never } }, 50)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
