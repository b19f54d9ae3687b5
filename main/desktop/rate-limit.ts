/**
 * Rate limits for handlers fed by the upload queue, which emits an event per chunk (thousands
 * a second on a fast link). Electron-free, so they are tested with fake timers.
 */

/** A rate-limited call: `cancel()` drops a pending run, `flush()` runs it now. */
export interface Limited {
  (): void;
  cancel(): void;
  flush(): void;
}

interface LimiterState {
  timer: NodeJS.Timeout | undefined;
  /** When `fn` last ran (ms since the epoch). */
  last: number;
}

/** The shared part: a pending timer, a run that clears it, and cancel/flush. `onCall` decides when to run. */
function limiter(fn: () => void, onCall: (state: LimiterState, run: () => void) => void): Limited {
  const state: LimiterState = { timer: undefined, last: -Infinity };
  const run = () => {
    state.timer = undefined;
    state.last = Date.now();
    fn();
  };
  return Object.assign(() => onCall(state, run), {
    cancel: () => {
      if (state.timer) clearTimeout(state.timer);
      state.timer = undefined;
    },
    flush: () => {
      if (!state.timer) return;
      clearTimeout(state.timer);
      run();
    },
  });
}

/**
 * Runs `fn` at most once per `intervalMs`: at once when it has been quiet that long, otherwise
 * once at the end of the interval, so the last call is always followed by a run (callers read
 * the latest state when they run, so nothing is lost by skipping the calls in between).
 */
export function throttle(fn: () => void, intervalMs: number): Limited {
  return limiter(fn, (state, run) => {
    if (state.timer) return;
    const wait = state.last + intervalMs - Date.now();
    if (wait <= 0) run();
    else state.timer = setTimeout(run, wait);
  });
}

/** Runs `fn` once calls have stopped for `quietMs` (a window being dragged moves many times a second). */
export function debounce(fn: () => void, quietMs: number): Limited {
  return limiter(fn, (state, run) => {
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(run, quietMs);
  });
}
