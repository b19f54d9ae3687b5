/**
 * Speed is the bytes acknowledged over about the last few seconds: long enough to span several
 * part answers (parts finish in bunches), short enough to follow a real change of pace.
 */
export const SPEED_WINDOW_MS = 5000;
/** No speed is claimed from less than this much time: one early answer would read as a burst. */
const MIN_SPAN_MS = 1000;

/**
 * Bytes per second over a sliding window, fed with running totals. It keeps one sample at or
 * before the window's start as its anchor, so the rate spans the whole window however irregular
 * the samples are, and falls as time passes without new bytes.
 */
export class SpeedMeter {
  private samples: { at: number; total: number }[] = [];
  private current = 0;

  constructor(private readonly windowMs = SPEED_WINDOW_MS) {}

  /** Records the running total at `at` (ms) and returns the speed over the window. */
  sample(totalBytes: number, at: number): number {
    const last = this.samples.at(-1);
    if (last && at <= last.at) {
      last.total = totalBytes;
      return this.current;
    }
    this.samples.push({ at, total: totalBytes });
    while (this.samples.length > 2 && this.samples[1]!.at <= at - this.windowMs) this.samples.shift();
    const anchor = this.samples[0]!;
    const span = at - anchor.at;
    this.current = span < MIN_SPAN_MS ? 0 : (Math.max(0, totalBytes - anchor.total) * 1000) / span;
    return this.current;
  }

  get speed(): number {
    return this.current;
  }

  /** Starts again (after a pause), so old speed does not leak into the next run. */
  reset(): void {
    this.samples = [];
    this.current = 0;
  }
}

/** Seconds left at `speed`, or undefined while there is no meaningful speed yet. */
export function etaSeconds(remainingBytes: number, speed: number): number | undefined {
  if (remainingBytes <= 0) return 0;
  if (speed < 1) return undefined;
  return Math.ceil(remainingBytes / speed);
}
