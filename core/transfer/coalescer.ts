/** At most ten UI updates a second, in total, however many files move: IPC and React stay calm. */
export const MAX_EVENTS_PER_SECOND = 10;

/**
 * Collects "this changed" marks and delivers them in batches, no more often than the interval.
 * The first mark after a quiet spell is delivered on the next tick, not a full interval later.
 */
export class Coalescer<K> {
  private readonly dirty = new Set<K>();
  private timer: NodeJS.Timeout | undefined;
  private lastFlush = 0;
  private delivering = false;

  constructor(
    private readonly deliver: (keys: K[]) => void,
    private readonly intervalMs = 1000 / MAX_EVENTS_PER_SECOND,
    private readonly now: () => number = Date.now,
  ) {}

  mark(key: K): void {
    this.dirty.add(key);
    if (this.timer || this.delivering) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - this.now());
    // Not unref'd: the last batch carries the final states, and a CLI run must wait for it (at most one interval).
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Delivers what is pending now (before reporting "idle", or on exit). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.dirty.size === 0) return;
    const keys = [...this.dirty];
    this.dirty.clear();
    this.delivering = true;
    try {
      this.deliver(keys);
    } finally {
      // Counted from the end of delivery, so listeners see the gap even when a batch is slow to build.
      this.delivering = false;
      this.lastFlush = this.now();
      // Marks made while delivering (listeners, "still moving" ticks) wait for the next slot.
      if (this.dirty.size > 0) {
        const [first] = this.dirty;
        this.dirty.delete(first!);
        this.mark(first!);
      }
    }
  }
}
