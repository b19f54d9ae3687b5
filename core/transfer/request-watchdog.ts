import type { ClientRequest } from 'node:http';
import { timedOut, type RequestTimeouts } from './timeouts';

/**
 * How often the requests in flight are looked at. A time-out fires up to this much late, which is
 * nothing against time-outs of seconds; a wake-up four times a second costs nothing either.
 */
export const SWEEP_MS = 250;

interface Watched {
  readonly req: ClientRequest;
  readonly timeouts: RequestTimeouts;
  /** Bytes the socket had written and read at the last sweep that saw them change. */
  moved: number;
  /** When they last changed (or when the request was made). */
  since: number;
  /** The answer's head has arrived. */
  answered: boolean;
}

const watched = new Set<Watched>();
let sweeper: NodeJS.Timeout | undefined;

const seconds = (ms: number) => `${ms / 1000} s`;

/**
 * Why a request has waited too long, if it has: still connecting, waiting for the answer after the
 * last body byte, or with nothing moving either way.
 */
function overdue({ req, timeouts: t, answered }: Watched, still: number): string | undefined {
  const socket = req.socket;
  if (!socket || socket.connecting) {
    return still >= t.connectTimeoutMs ? `no connection within ${seconds(t.connectTimeoutMs)}` : undefined;
  }
  if (!answered && req.writableFinished) {
    return still >= t.firstByteTimeoutMs ? `no answer within ${seconds(t.firstByteTimeoutMs)} of the upload's last byte` : undefined;
  }
  return still >= t.idleTimeoutMs ? `nothing moved for ${seconds(t.idleTimeoutMs)}` : undefined;
}

function sweep(): void {
  const now = Date.now();
  for (const w of watched) {
    const socket = w.req.socket;
    // The socket's own counters tell whether bytes moved, so no listener runs per chunk.
    const moved = socket ? socket.bytesWritten + socket.bytesRead : -1;
    if (moved !== w.moved) {
      w.moved = moved;
      w.since = now;
      continue;
    }
    const why = overdue(w, now - w.since);
    if (why) w.req.destroy(timedOut(why));
  }
}

/**
 * Connect, first byte and idle time-outs on one request: without them a store that accepts the
 * connection and never answers holds the upload forever. One timer sweeps every request in flight,
 * instead of timers armed, re-armed and cleared per request and per chunk: for a batch of small
 * files that setup cost more than reading each file. A request that runs out is destroyed with a
 * network error (retried).
 */
export function watchRequest(req: ClientRequest, timeouts: RequestTimeouts): void {
  const w: Watched = { req, timeouts, moved: -1, since: Date.now(), answered: false };
  watched.add(w);
  req.once('response', () => (w.answered = true));
  req.once('close', () => {
    watched.delete(w);
    if (watched.size === 0 && sweeper) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  });
  // Unref'd: a request in flight holds its socket, which keeps the process alive on its own.
  sweeper ??= setInterval(sweep, SWEEP_MS).unref();
}
