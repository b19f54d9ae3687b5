import type { AppendLog } from './append-log';
import { diskReason } from './disk-reason';
import type { SaveTroubles } from './save-troubles';

/** The first retry after a failed write; a disk that was remounted read-only for a moment is written again soon. */
export const FIRST_RETRY_MS = 1_000;
/** Retries slow down to this: a failing write costs microseconds, but a disk that stays full needs no hammering. */
export const MAX_RETRY_MS = 60_000;

/** Thrown by `flush` while lines are kept in memory only: quitting now loses them. */
export class UnsavedLinesError extends Error {
  constructor(
    readonly count: number,
    readonly file: string,
    error: unknown,
  ) {
    super(
      `${count === 1 ? 'One link' : `${count} links`} could not be saved to ${file} (${diskReason(error)}) and ${count === 1 ? 'is' : 'are'} only in memory.`,
    );
    this.name = 'UnsavedLinesError';
  }
}

/**
 * An AppendLog that never loses a line to a failed write (a full or read-only disk): the lines
 * stay in memory and go out with the next append, and on a timer that backs off, until they land.
 * The first failure and the recovery are reported to `troubles`.
 */
export class RetryingLog {
  private unsaved: string[] = [];
  private lastError: unknown;
  private timer: NodeJS.Timeout | undefined;
  private delay = FIRST_RETRY_MS;

  constructor(
    private readonly log: AppendLog,
    private readonly troubles: SaveTroubles,
  ) {}

  /** How many lines are waiting in memory for the disk. */
  get pending(): number {
    return this.unsaved.length;
  }

  /** Appends `lines` (and whatever earlier writes left in memory); resolves true once on disk, false when kept in memory. */
  async append(lines: readonly string[]): Promise<boolean> {
    const retried = this.unsaved.splice(0);
    if (retried.length === 0 && lines.length === 0) return true;
    try {
      await this.log.append([...retried, ...lines]);
    } catch (e) {
      this.unsaved.push(...retried, ...lines);
      this.lastError = e;
      this.troubles.failed('links', this.log.file, e);
      this.retryLater();
      return false;
    }
    if (this.unsaved.length === 0) {
      this.delay = FIRST_RETRY_MS;
      this.troubles.saved('links', this.log.file);
    }
    return true;
  }

  /** Resolves when every line is on disk, trying once more now; rejects with UnsavedLinesError while the disk still refuses them. */
  async flush(): Promise<void> {
    await this.log.flush().catch(() => undefined); // a failed batch's lines are in `unsaved`
    if (this.unsaved.length > 0 && !(await this.append([]))) {
      throw new UnsavedLinesError(this.unsaved.length, this.log.file, this.lastError);
    }
  }

  private retryLater(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.append([]);
    }, this.delay);
    // The retries must not keep a finished CLI command alive; quitting says what is still unsaved.
    this.timer.unref();
    this.delay = Math.min(this.delay * 2, MAX_RETRY_MS);
  }
}
