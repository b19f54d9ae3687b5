import type { AppError } from '../common/result';
import { isSigndropError } from '../common/result';
import type { Io } from './io';

/** Any thrown value as an error a person can act on; unknown errors keep their message. */
export function asAppError(e: unknown): AppError {
  if (isSigndropError(e)) return e.appError;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ECONNREFUSED' || err?.code === 'ENOTFOUND') {
    return { code: 'endpoint-unreachable', message: `The storage endpoint could not be reached (${err.code}). Check the endpoint URL and your network.`, retryable: true };
  }
  return { code: 'internal', message: err instanceof Error ? err.message : String(e), retryable: false };
}

/**
 * Reports one failed item: always a line on stderr, and with --json also the failure object on
 * stdout so a script reading only stdout sees every item.
 */
export function reportFailure(io: Io, json: boolean, item: { file: string } | { key: string }, error: AppError): void {
  const label = 'file' in item ? item.file : item.key;
  io.err(`signdrop: ${label}: ${error.message}`);
  if (json) io.out(JSON.stringify({ ...item, error: { code: error.code, message: error.message } }));
}
