import { isRequestOpen, type Arrival, type FileRequest } from '../../common/requests';
import type { RequestSweep } from './request-service';

export type { Arrival };

export interface WatchClock {
  now(): Date;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: WatchClock = {
  now: () => new Date(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** A file usually arrives within minutes of the link being sent: look often at first. */
export const FIRST_INTERVAL_MS = 15_000;
/** Nothing changed for a while: look every few minutes, a few hundred LIST requests a day at most. */
export const LONGEST_INTERVAL_MS = 300_000;
/** A request that ended longer ago than this gets no last sweep when the app starts again. */
const LAST_SWEEP_WITHIN_MS = 86_400_000;

export interface WatchedRequests {
  list(): Promise<FileRequest[]>;
  sweep(id: string): Promise<RequestSweep>;
}

/**
 * Looks at every open request's prefix now and then: every 15 s, doubling up to 5 min while nothing
 * changes, back to 15 s on an arrival or when `poke`d (a request made or extended). A request that
 * closed or expired gets one last sweep. Each sweep that finds new files calls `onArrivals` once,
 * with all of them: one notification per batch of arrivals, however many files or requests.
 */
export class RequestWatcher {
  private timer: unknown;
  private interval = FIRST_INTERVAL_MS;
  private running = false;
  private stopped = false;
  /** Requests whose last sweep after closing was made (in this run). */
  private readonly finished = new Set<string>();

  constructor(
    private readonly requests: WatchedRequests,
    private readonly onArrivals: (arrivals: readonly Arrival[]) => void,
    private readonly clock: WatchClock = realClock,
  ) {}

  /** Starts watching: one sweep at once, then on the schedule. Returns the stop function. */
  start(): () => void {
    this.schedule(0);
    return () => {
      this.stopped = true;
      this.clock.clearTimeout(this.timer);
    };
  }

  /** Something changed (a request made or extended): look soon, and often again. */
  poke(): void {
    this.interval = FIRST_INTERVAL_MS;
    this.schedule(FIRST_INTERVAL_MS);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    let watching: boolean;
    try {
      const { arrivals, open } = await this.sweepAll();
      watching = open;
      if (arrivals.length > 0) this.onArrivals(arrivals);
      this.interval = arrivals.length > 0 ? FIRST_INTERVAL_MS : Math.min(this.interval * 2, LONGEST_INTERVAL_MS);
    } catch (e) {
      // Offline or a store hiccup: try again later, no sooner than the schedule says.
      console.warn(`[signdrop] could not look for requested files: ${(e as Error).message}`);
      watching = true;
    } finally {
      this.running = false;
    }
    // With nothing open, nothing is looked at until a request is made (poke).
    if (watching) this.schedule(this.interval);
  }

  private async sweepAll(): Promise<{ arrivals: Arrival[]; open: boolean }> {
    const now = this.clock.now();
    const arrivals: Arrival[] = [];
    let open = false;
    for (const request of await this.requests.list()) {
      const isOpen = isRequestOpen(request, now);
      const ended = Math.min(Date.parse(request.closedAt ?? request.expiresAt), Date.parse(request.expiresAt));
      if (!isOpen && (this.finished.has(request.id) || now.getTime() - ended > LAST_SWEEP_WITHIN_MS)) continue;
      open ||= isOpen;
      const { fresh, request: seen } = await this.requests.sweep(request.id).catch((e: unknown) => {
        console.warn(`[signdrop] could not list request "${request.title}": ${(e as Error).message}`);
        return { fresh: [], request };
      });
      if (!isOpen) this.finished.add(request.id);
      if (fresh.length > 0) arrivals.push({ request: seen, files: fresh });
    }
    return { arrivals, open };
  }
}
