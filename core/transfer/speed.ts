/** Speed is smoothed over about this long, so the number is readable rather than jumping every tick. */
export const SPEED_TIME_CONSTANT_MS = 3000;

/**
 * An exponentially weighted moving average of bytes per second, fed with running totals.
 * The weight depends on the time between samples, so irregular ticks give the same curve.
 */
export class SpeedMeter {
  private lastBytes = 0;
  private lastAt: number | undefined;
  private smoothed = 0;

  constructor(private readonly timeConstantMs = SPEED_TIME_CONSTANT_MS) {}

  /** Records the running total at `at` (ms) and returns the smoothed speed. */
  sample(totalBytes: number, at: number): number {
    if (this.lastAt === undefined || at <= this.lastAt) {
      if (this.lastAt === undefined) this.lastAt = at;
      this.lastBytes = totalBytes;
      return this.smoothed;
    }
    const dt = at - this.lastAt;
    const rate = (Math.max(0, totalBytes - this.lastBytes) * 1000) / dt;
    const weight = 1 - Math.exp(-dt / this.timeConstantMs);
    this.smoothed = this.smoothed === 0 ? rate : this.smoothed + weight * (rate - this.smoothed);
    this.lastBytes = totalBytes;
    this.lastAt = at;
    return this.smoothed;
  }

  get speed(): number {
    return this.smoothed;
  }

  /** Starts again (after a pause), so old speed does not leak into the next run. */
  reset(): void {
    this.lastAt = undefined;
    this.smoothed = 0;
  }
}

/** Seconds left at `speed`, or undefined while there is no meaningful speed yet. */
export function etaSeconds(remainingBytes: number, speed: number): number | undefined {
  if (remainingBytes <= 0) return 0;
  if (speed < 1) return undefined;
  return Math.ceil(remainingBytes / speed);
}
