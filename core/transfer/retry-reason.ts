import { toAppError } from '../errors/to-app-error';
import type { RetryNotice } from './retry';

interface CodedLike {
  readonly code?: unknown;
  readonly name?: unknown;
  readonly cause?: unknown;
}

/** The socket or time-out code under an error and its causes, if any. */
function codeOf(e: unknown): string | undefined {
  for (let cur = e as CodedLike | undefined, depth = 0; cur && typeof cur === 'object' && depth < 4; cur = cur.cause as CodedLike, depth++) {
    if (typeof cur.code === 'string') return cur.code;
    if (cur.name === 'TimeoutError') return 'ETIMEDOUT';
  }
  return undefined;
}

/**
 * Why a retry is coming, as the end of a sentence the row and the CLI show after "Retrying in 4 s
 * (3 of 8): ": short, and about the store, not the socket.
 */
export function retryReason(notice: RetryNotice): string {
  if (notice.waiting) return 'waiting for the store';
  const code = codeOf(notice.error);
  if (code === 'ETIMEDOUT') return 'the store did not answer';
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EAI_AGAIN') return 'the store could not be reached';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'the connection was dropped';
  const error = toAppError(notice.error);
  if (/\b5\d\d\b|SlowDown/.test(error.message)) return 'the store is busy';
  return error.message.replace(/\.$/, '');
}
