import { isFinished, type UploadItem } from '../common/uploads';
import type { Io } from './io';

/** Redraws at most this often: a terminal cannot show faster, and each redraw costs a write. */
const REDRAW_MS = 100;

function mib(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MiB`;
}

/**
 * A one-line progress display on stderr, redrawn in place; only when stderr is a terminal, so pipes
 * and log files get results and failures, never carriage returns.
 */
export function showProgress(io: Io, items: () => readonly UploadItem[], subscribe: (listener: () => void) => () => void): () => void {
  if (!io.stderrIsTTY) return () => undefined;
  let last = 0;
  const draw = () => {
    const all = items();
    const done = all.filter(isFinished).length;
    const sent = all.reduce((n, i) => n + (i.state === 'completed' ? i.size : i.bytesSent), 0);
    const total = all.reduce((n, i) => n + i.size, 0);
    // A retry is said as it comes, so a quiet store does not look like a slow upload.
    const retry = all.find((i) => i.retry)?.retry;
    const inS = retry ? Math.max(0, Math.ceil((Date.parse(retry.nextAt) - Date.now()) / 1000)) : 0;
    const note = retry ? ` · retrying in ${inS} s (${retry.attempt} of ${retry.of}): ${retry.reason}` : '';
    io.errRaw(`\r\u001b[Kuploading ${done}/${all.length} files, ${mib(sent)} of ${mib(total)}${note}`);
  };
  const off = subscribe(() => {
    const now = Date.now();
    if (now - last < REDRAW_MS) return;
    last = now;
    draw();
  });
  draw();
  return () => {
    off();
    io.errRaw('\r\u001b[K');
  };
}
