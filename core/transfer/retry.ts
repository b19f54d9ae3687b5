import { toAppError } from '../errors/to-app-error';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** About a minute of trying in all: enough to ride out a SlowDown burst or a restarting proxy. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 250, maxDelayMs: 15_000 };

/**
 * Whether another attempt can help: network failures, 5xx, SlowDown, RequestTimeout, an expired
 * presigned URL. The error model decides (toAppError's `retryable`), so the engine's retries and
 * what the UI and CLI are told agree.
 */
export const isRetryable = (e: unknown): boolean => toAppError(e).retryable;

/** "Full jitter" backoff (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * cap);
}

/** Resolves after `ms`, or rejects at once when the signal aborts (pause/cancel must not wait out a backoff). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `attempt` until it succeeds, an error that retrying cannot fix, or the policy runs out.
 * `attempt` gets the attempt number (0-based) so it can re-sign or re-check before trying again.
 */
export async function withRetry<T>(
  attempt: (n: number) => Promise<T>,
  options: { policy: RetryPolicy; signal?: AbortSignal; retryable?: (e: unknown) => boolean; onRetry?: (e: unknown, n: number) => void },
): Promise<T> {
  const canRetry = options.retryable ?? isRetryable;
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (n + 1 >= options.policy.attempts || !canRetry(e)) throw e;
      options.onRetry?.(e, n);
      await sleep(backoffDelay(n, options.policy), options.signal);
    }
  }
}
