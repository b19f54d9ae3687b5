import { toAppError } from '../errors/to-app-error';
import { isHopeless, isUnreachable } from './unreachable';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** No new attempt starts once this long has passed since the first one started; absent, only `attempts` limits. */
  readonly giveUpAfterMs?: number;
  /**
   * How long to wait for a store that answered earlier in this run and now cannot be reached (restarting,
   * or the network dropped). These waits use up no attempts; absent, such failures count like any other.
   */
  readonly waitForStoreMs?: number;
}

/**
 * Eight attempts, none started after 90 s: with the 30 s time-outs (timeouts.ts) a store that accepts
 * connections and never answers fails each request within 30 s (an SDK call, tried three times by the
 * SDK, within 90 s) and the item within 90 s plus one last request: three minutes at most.
 * Five minutes of waiting rides out a store restart or a laptop changing networks.
 */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 250, maxDelayMs: 15_000, giveUpAfterMs: 90_000, waitForStoreMs: 300_000 };

/** What the user is told before a retry's wait. */
export interface RetryNotice {
  /** The attempt about to start (1-based), of `of`; waits for the store do not count. */
  readonly attempt: number;
  readonly of: number;
  readonly delayMs: number;
  readonly error: unknown;
  /** The store answered earlier and now cannot be reached: waiting for it to come back. */
  readonly waiting: boolean;
}

/** Whether a store has answered in this run: a refusal means something different before and after. */
export interface StoreContact {
  answered: boolean;
}

/** One StoreContact per profile, so one store's answers say nothing about another's. */
export class StoreContacts {
  private readonly byProfile = new Map<string, StoreContact>();

  of(profileId: string): StoreContact {
    let contact = this.byProfile.get(profileId);
    if (!contact) this.byProfile.set(profileId, (contact = { answered: false }));
    return contact;
  }
}

export interface RetryOptions {
  readonly policy: RetryPolicy;
  readonly signal?: AbortSignal;
  readonly retryable?: (e: unknown) => boolean;
  readonly onRetry?: (notice: RetryNotice) => void;
  /** Shared by every request to one store; a success marks it answered. */
  readonly contact?: StoreContact;
  /** Told after each successful attempt (a retry notice is over). */
  readonly onAnswer?: () => void;
  readonly now?: () => number;
}

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
 * A store that answered earlier and is now unreachable is waited for (up to `waitForStoreMs`);
 * one that never answered and cannot be (a refused local port, a host that does not resolve) fails at once.
 */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { policy, signal, contact, now = Date.now } = options;
  const canRetry = options.retryable ?? isRetryable;
  let started = now();
  let waitingSince: number | undefined;
  let waits = 0;
  for (let n = 0; ;) {
    try {
      const value = await attempt(n);
      if (contact) contact.answered = true;
      options.onAnswer?.();
      return value;
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      const waiting = contact?.answered === true && policy.waitForStoreMs !== undefined && isUnreachable(e);
      const delayMs = backoffDelay(waiting ? waits++ : n, policy);
      if (waiting) {
        waitingSince ??= now();
        if (now() - waitingSince >= policy.waitForStoreMs!) throw e;
        // Time spent waiting for the store to come back is not time it failed to answer.
        started = now();
      } else {
        waitingSince = undefined;
        // The next attempt would start too late: a store that keeps not answering fails in bounded time.
        const outOfTime = policy.giveUpAfterMs !== undefined && now() + delayMs - started >= policy.giveUpAfterMs;
        if (n + 1 >= policy.attempts || outOfTime || !canRetry(e) || (!contact?.answered && isHopeless(e))) throw e;
        n++;
      }
      options.onRetry?.({ attempt: n + 1, of: policy.attempts, delayMs, error: e, waiting });
      await sleep(delayMs, signal);
    }
  }
}
