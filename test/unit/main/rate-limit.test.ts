import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce, throttle } from '../../../main/desktop/rate-limit';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('throttle', () => {
  it('runs at once after a quiet spell, then at most once per interval, and always after the last call', () => {
    let value = -1;
    const seen: number[] = [];
    const limited = throttle(() => seen.push(value), 250);
    value = 0;
    limited();
    expect(seen).toEqual([0]);
    // 4,000 events spread over one second, like a fast upload's chunks.
    for (let i = 1; i < 4000; i++) {
      value = i;
      limited();
      vi.advanceTimersByTime(0.25);
    }
    vi.advanceTimersByTime(250);
    expect(seen.length).toBeLessThanOrEqual(5);
    // The last run saw the last state: nothing is lost by skipping.
    expect(seen.at(-1)).toBe(3999);
    const runs = seen.length;
    vi.advanceTimersByTime(10_000);
    expect(seen).toHaveLength(runs);
  });

  it('cancel drops the pending run; flush runs it now', () => {
    const fn = vi.fn();
    const limited = throttle(fn, 250);
    limited();
    limited();
    limited.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
    limited();
    limited();
    limited.flush();
    expect(fn).toHaveBeenCalledTimes(3);
  });
});

describe('debounce', () => {
  it('runs once the calls have stopped for the quiet time', () => {
    const fn = vi.fn();
    const limited = debounce(fn, 500);
    for (let i = 0; i < 100; i++) {
      limited();
      vi.advanceTimersByTime(16);
    }
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
