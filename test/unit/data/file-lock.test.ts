import { spawnSync } from 'node:child_process';
import { mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withLock } from '../../../core/storage/file-lock';
import { holdProcessLock } from '../../../core/storage/process-lock';

const STALE_MS = 60_000;

describe('withLock', () => {
  it('a lock left by a crashed holder is taken over by one of many waiting at that moment, never two', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'signdrop-lock-'));
    let inside = 0;
    let most = 0;
    let done = 0;
    for (let round = 0; round < 20; round++) {
      const lock = join(dir, `round-${round}.lock`);
      // What a holder that crashed leaves: a lock file far older than any real holder keeps it.
      await writeFile(lock, '{}');
      const old = new Date(Date.now() - 10 * STALE_MS);
      await utimes(lock, old, old);
      await Promise.all(
        Array.from({ length: 8 }, () =>
          withLock(lock, STALE_MS, async () => {
            most = Math.max(most, ++inside);
            await new Promise((resolve) => setTimeout(resolve, 2));
            inside--;
            done++;
          }),
        ),
      );
    }
    expect(done).toBe(160);
    expect(most).toBe(1);
  });

  it('a process lock whose holder died is taken over by exactly one of many trying at that moment', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'signdrop-lock-'));
    // A process that has exited: what a CLI killed with SIGKILL leaves in its lock.
    const dead = spawnSync('true').pid;
    for (let round = 0; round < 20; round++) {
      const lock = join(dir, `cli-${round}.lock`);
      await writeFile(lock, JSON.stringify({ pid: dead, host: hostname() }));
      const got = await Promise.all(Array.from({ length: 8 }, () => holdProcessLock(lock)));
      expect(got.filter(Boolean)).toHaveLength(1);
    }
  });
});
