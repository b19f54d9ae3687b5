import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from '../../../core/transfer/coalescer';
import { etaSeconds, SpeedMeter } from '../../../core/transfer/speed';

describe('progress events', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('10,000 files changing for two seconds give at most ten batches a second, and every change arrives', () => {
    const batches: number[][] = [];
    const c = new Coalescer<number>(
      (keys) => batches.push(keys),
      100,
      () => Date.now(),
    );
    for (let ms = 0; ms < 2000; ms += 5) {
      for (let i = 0; i < 50; i++) c.mark((ms * 10 + i) % 10_000);
      vi.advanceTimersByTime(5);
    }
    c.flush();
    expect(batches.length).toBeLessThanOrEqual(21);
    expect(new Set(batches.flat()).size).toBe(10_000);
  });

  it('the first change after a quiet spell is not held back', () => {
    const batches: string[][] = [];
    const c = new Coalescer<string>(
      (keys) => batches.push(keys),
      100,
      () => Date.now(),
    );
    vi.advanceTimersByTime(5000);
    c.mark('a');
    vi.advanceTimersByTime(0);
    expect(batches).toEqual([['a']]);
  });
});

describe('speed and ETA', () => {
  it('a steady 2 MB/s reads as 2 MB/s, and the ETA follows', () => {
    const m = new SpeedMeter(1000);
    let speed = 0;
    for (let t = 0; t <= 10_000; t += 100) speed = m.sample(t * 2000, t);
    expect(speed).toBeCloseTo(2_000_000, -3);
    expect(etaSeconds(10_000_000, speed)).toBe(5);
  });

  it('smooths a burst instead of jumping to it', () => {
    const m = new SpeedMeter(3000);
    for (let t = 0; t <= 5000; t += 100) m.sample(t * 1000, t); // 1 MB/s
    const after = m.sample(5_000_000 + 10_000_000, 5100); // one 100 MB/s tick
    expect(after).toBeLessThan(5_000_000);
    expect(etaSeconds(100, 0)).toBeUndefined();
  });
});
