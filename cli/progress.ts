import { formatBytes } from '../common/format-bytes';
import { shortDuration } from '../common/expiry';
import type { QueueTotals, UploadItem } from '../common/uploads';
import type { Io } from './io';

/** Redraws at most this often: a terminal cannot show faster, and each redraw costs a write. */
const REDRAW_MS = 100;
/** Without a known width, a line this long fits the narrowest usual terminal. */
const DEFAULT_COLUMNS = 80;
const CLEAR = '\r\u001b[K';

export interface ProgressState {
  readonly totals: QueueTotals;
  /** The file being sent now, if any: the one the line names. */
  readonly current?: UploadItem;
  /** A request waiting to be tried again, if any. */
  readonly retry?: NonNullable<UploadItem['retry']>;
}

export interface Progress {
  /** Draws the line again if the last redraw is old enough. */
  tick(): void;
  /** Takes the line away while `write` prints results or failures, then draws it again. */
  around(write: () => void): void;
  /** Removes the line for good. */
  stop(): void;
}

/** "uploading 3/10 files, 1.2 MB of 4.0 MB, 2.5 MB/s, 2 s left: photo.jpg", cut to the terminal's width. */
export function progressLine({ totals, current, retry }: ProgressState, columns: number): string {
  const done = totals.counts.completed + totals.counts.failed + totals.counts.canceled;
  const all = Object.values(totals.counts).reduce((n, c) => n + c, 0);
  const parts = [`uploading ${done}/${all} files`, `${formatBytes(totals.bytesSent)} of ${formatBytes(totals.bytesTotal)}`];
  if (totals.speed > 0) parts.push(`${formatBytes(Math.round(totals.speed))}/s`);
  if (totals.etaSeconds !== undefined) parts.push(`${shortDuration(Math.max(1, totals.etaSeconds))} left`);
  // A retry is said as it comes (in place of the file's name), so a quiet store does not look like a slow upload.
  const inS = retry ? Math.max(0, Math.ceil((Date.parse(retry.nextAt) - Date.now()) / 1000)) : 0;
  const tail = retry ? ` · retrying in ${inS} s (${retry.attempt} of ${retry.of}): ${retry.reason}` : current ? `: ${current.name}` : '';
  const line = `${parts.join(', ')}${tail}`;
  // A line longer than the terminal wraps, and the carriage return would then redraw only its tail.
  return line.length < columns ? line : `${line.slice(0, Math.max(0, columns - 2))}…`;
}

/**
 * The one progress line on stderr, redrawn in place. Only on a terminal and without --json, so
 * pipes, logs and scripts get results and failures, never carriage returns.
 */
export function showProgress(io: Io, enabled: boolean, state: () => ProgressState): Progress {
  if (!enabled || !io.stderrIsTTY) return { tick: () => undefined, around: (write) => write(), stop: () => undefined };
  let last = 0;
  let shown = false;
  const draw = () => {
    last = Date.now();
    shown = true;
    io.errRaw(`${CLEAR}${progressLine(state(), io.stderrColumns ?? DEFAULT_COLUMNS)}`);
  };
  const clear = () => {
    if (shown) io.errRaw(CLEAR);
    shown = false;
  };
  draw();
  return {
    tick: () => {
      if (Date.now() - last >= REDRAW_MS) draw();
    },
    around: (write) => {
      clear();
      write();
      draw();
    },
    stop: clear,
  };
}
