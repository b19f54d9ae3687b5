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

/**
 * Runs `fn` at most once per `intervalMs`: at once when it has been quiet that long, otherwise
 * once at the end of the interval, so the last call is always followed by a run (callers read
 * the latest state when they run, so nothing is lost by skipping the calls in between).
 */
export function throttle(fn: () => void, intervalMs: number): Limited {
  let last = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    timer = undefined;
    last = Date.now();
    fn();
  };
  const limited = () => {
    if (timer) return;
    const wait = last + intervalMs - Date.now();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  };
  return Object.assign(limited, {
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
    flush: () => {
      if (!timer) return;
      clearTimeout(timer);
      run();
    },
  });
}

/** Runs `fn` once calls have stopped for `quietMs` (a window being dragged moves many times a second). */
export function debounce(fn: () => void, quietMs: number): Limited {
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    timer = undefined;
    fn();
  };
  const limited = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, quietMs);
  };
  return Object.assign(limited, {
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
    flush: () => {
      if (!timer) return;
      clearTimeout(timer);
      run();
    },
  });
}
