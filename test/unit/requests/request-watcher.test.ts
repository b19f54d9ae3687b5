import { describe, expect, it } from 'vitest';
import type { Arrival, FileRequest, RequestFile } from '../../../common/requests';
import { FIRST_INTERVAL_MS, LONGEST_INTERVAL_MS, RequestWatcher, type WatchClock } from '../../../core/requests/request-watcher';
import { fileRequest as request } from '../../support/file-request';

/** A clock whose timers run only when the test advances it. */
function fakeClock(start = Date.parse('2026-12-02T10:00:00Z')) {
  let now = start;
  let timer: { at: number; run: () => void } | undefined;
  const delays: number[] = [];
  const clock: WatchClock = {
    now: () => new Date(now),
    setTimeout: (run, ms) => {
      delays.push(ms);
      timer = { at: now + ms, run };
      return timer;
    },
    clearTimeout: (handle) => {
      if (handle === timer) timer = undefined;
    },
  };
  return {
    clock,
    delays,
    pending: () => timer !== undefined,
    /** Runs the next timer, then lets the sweep's promises settle. */
    async next() {
      const t = timer;
      if (!t) throw new Error('nothing scheduled');
      timer = undefined;
      now = t.at;
      t.run();
      for (let i = 0; i < 20; i++) await Promise.resolve();
    },
  };
}

const file = (key: string): RequestFile => ({ key, name: key, size: 1, lastModified: '2026-12-02T10:00:00Z' });

/** Requests and the files under them, which the test changes between sweeps. */
function bucket(requests: FileRequest[]) {
  const files = new Map<string, RequestFile[]>(requests.map((r) => [r.id, []]));
  let listed = 0;
  const state = new Map(requests.map((r) => [r.id, r]));
  return {
    files,
    state,
    listed: () => listed,
    watched: {
      list: async () => [...state.values()],
      sweep: async (id: string) => {
        listed++;
        const r = state.get(id)!;
        const all = files.get(id) ?? [];
        const fresh = all.filter((f) => !r.arrived.includes(f.key));
        const next = { ...r, arrived: all.map((f) => f.key) };
        state.set(id, next);
        return { request: next, files: all, fresh };
      },
    },
  };
}

describe('RequestWatcher', () => {
  it('raises one notification per batch of arrivals, however many files and requests', async () => {
    const time = fakeClock();
    const store = bucket([request('a'), request('b')]);
    const heard: (readonly Arrival[])[] = [];
    new RequestWatcher(store.watched, (batch) => heard.push(batch), time.clock).start();
    await time.next();
    expect(heard).toEqual([]);

    store.files.set('a', [file('a/1'), file('a/2')]);
    store.files.set('b', [file('b/1')]);
    await time.next();
    expect(heard).toHaveLength(1);
    expect(heard[0]!.map((a) => [a.request.id, a.files.map((f) => f.key)])).toEqual([
      ['a', ['a/1', 'a/2']],
      ['b', ['b/1']],
    ]);

    await time.next();
    expect(heard).toHaveLength(1);
  });

  it('backs off while nothing changes, and looks often again after an arrival or a poke', async () => {
    const time = fakeClock();
    const store = bucket([request('a')]);
    const watcher = new RequestWatcher(store.watched, () => undefined, time.clock);
    watcher.start();
    for (let i = 0; i < 7; i++) await time.next();
    expect(time.delays).toEqual([0, 30_000, 60_000, 120_000, 240_000, LONGEST_INTERVAL_MS, LONGEST_INTERVAL_MS, LONGEST_INTERVAL_MS]);
    store.files.set('a', [file('a/1')]);
    await time.next();
    expect(time.delays.at(-1)).toBe(FIRST_INTERVAL_MS);
    await time.next();
    watcher.poke();
    expect(time.delays.at(-1)).toBe(FIRST_INTERVAL_MS);
  });

  it('gives a closed request one last sweep, then stops looking when nothing is open', async () => {
    const time = fakeClock();
    const store = bucket([request('a')]);
    const heard: (readonly Arrival[])[] = [];
    new RequestWatcher(store.watched, (batch) => heard.push(batch), time.clock).start();
    await time.next();
    store.state.set('a', { ...store.state.get('a')!, closedAt: '2026-12-02T10:00:01Z' });
    store.files.set('a', [file('a/late')]);
    await time.next();
    expect(heard.map((b) => b[0]!.files[0]!.key)).toEqual(['a/late']);
    expect(time.pending()).toBe(false);
    expect(store.listed()).toBe(2);
  });

  it('stops when told: no timer is left behind', async () => {
    const time = fakeClock();
    const stop = new RequestWatcher(bucket([request('a')]).watched, () => undefined, time.clock).start();
    await time.next();
    stop();
    expect(time.pending()).toBe(false);
  });
});
