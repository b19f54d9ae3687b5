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

  constructor(
    private readonly deliver: (keys: K[]) => void,
    private readonly intervalMs = 1000 / MAX_EVENTS_PER_SECOND,
    private readonly now: () => number = Date.now,
  ) {}

  mark(key: K): void {
    this.dirty.add(key);
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - this.now());
    this.timer = setTimeout(() => this.flush(), wait);
    // A pending progress tick must not keep a finished CLI run alive.
    this.timer.unref();
  }

  /** Delivers what is pending now (before reporting "idle", or on exit). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.dirty.size === 0) return;
    this.lastFlush = this.now();
    const keys = [...this.dirty];
    this.dirty.clear();
    this.deliver(keys);
  }

  /** Keeps ticking while something is in flight, so speeds decay and ETAs update between byte bursts. */
  get pending(): boolean {
    return this.timer !== undefined;
  }
}
