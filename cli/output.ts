import type { AppError } from '../common/result';
import type { Io } from './io';

/**
 * Reports one failed item: always a line on stderr, and with --json also the failure object on
 * stdout so a script reading only stdout sees every item.
 */
export function reportFailure(io: Io, json: boolean, item: { file: string } | { key: string }, error: AppError): void {
  const label = 'file' in item ? item.file : item.key;
  // `retryable` says the failure is temporary (network, throttling, a server error): worth running again as is.
  io.err(`signdrop: ${label}: ${error.message}${error.retryable ? ' (temporary: running the command again may succeed)' : ''}`);
  if (json) io.out(JSON.stringify({ ...item, error: { code: error.code, message: error.message } }));
}
