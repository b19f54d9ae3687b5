import { isSigndropError, type AppError, type ErrorCode } from '../common/result';

/**
 * Any thrown value as an error a person can act on. Our own errors pass through; an unreachable
 * endpoint gets words; anything else keeps its message under `fallback`'s code.
 */
export function toAppError(e: unknown, fallback: { code: ErrorCode; retryable: boolean } = { code: 'internal', retryable: false }): AppError {
  if (isSigndropError(e)) return e.appError;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ECONNREFUSED' || err?.code === 'ENOTFOUND') {
    return { code: 'endpoint-unreachable', message: `The storage endpoint could not be reached (${err.code}). Check the endpoint URL and your network.`, retryable: true };
  }
  return { ...fallback, message: err instanceof Error ? err.message : String(e) };
}
