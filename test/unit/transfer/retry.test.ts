import { describe, expect, it } from 'vitest';
import { SigndropError } from '../../../common/result';
import { S3ResponseError } from '../../../core/errors/s3-response-error';
import { toAppError } from '../../../core/errors/to-app-error';
import { backoffDelay, isRetryable, sleep, withRetry } from '../../../core/transfer/retry';

const policy = { attempts: 4, baseDelayMs: 1, maxDelayMs: 4 };
/** An S3 error answer to a streamed PUT, as core/transfer/http-put.ts throws it. */
const httpError = (status: number, body: string) => S3ResponseError.fromBody(status, body, 's3:PutObject', 'http://127.0.0.1:9/b/k');

describe('retries', () => {
  it('backs off exponentially with jitter, capped', () => {
    const p = { attempts: 10, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(0, p, () => 0.999)).toBe(99);
    expect(backoffDelay(2, p, () => 0.999)).toBe(399);
    expect(backoffDelay(8, p, () => 0.999)).toBe(999);
    expect(backoffDelay(3, p, () => 0)).toBe(0);
  });

  it('retries network errors, 5xx, SlowDown and RequestTimeout; not 403 or a missing bucket', () => {
    expect(isRetryable(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isRetryable(httpError(503, '<Error><Code>SlowDown</Code></Error>'))).toBe(true);
    expect(isRetryable(httpError(400, '<Error><Code>RequestTimeout</Code></Error>'))).toBe(true);
    expect(isRetryable(httpError(500, '<Error><Code>InternalError</Code></Error>'))).toBe(true);
    expect(isRetryable(httpError(403, '<Error><Code>AccessDenied</Code></Error>'))).toBe(false);
    expect(isRetryable(httpError(404, '<Error><Code>NoSuchBucket</Code></Error>'))).toBe(false);
    expect(toAppError(httpError(403, '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>')).retryable).toBe(true);
  });

  it('gets through transient failures, and gives up at once on an unfixable one', async () => {
    let calls = 0;
    const value = await withRetry(
      async () => {
        if (++calls < 3) throw Object.assign(new Error('reset'), { code: 'ECONNRESET' });
        return 'ok';
      },
      { policy },
    );
    expect([value, calls]).toEqual(['ok', 3]);

    calls = 0;
    const denied = withRetry(
      async () => {
        calls++;
        throw SigndropError.of('access-denied', 'no');
      },
      { policy },
    );
    await expect(denied).rejects.toThrow('no');
    expect(calls).toBe(1);
  });

  it('stops after the last attempt with the last error', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw httpError(503, '<Code>SlowDown</Code>');
        },
        { policy },
      ),
    ).rejects.toThrow(/503 SlowDown/);
    expect(calls).toBe(4);
  });

  it('a pause during a backoff stops waiting at once', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const waiting = sleep(10_000, controller.signal);
    controller.abort(new Error('paused'));
    await expect(waiting).rejects.toThrow('paused');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('retries against a store that went away', () => {
  const refused = (address: string) => Object.assign(new Error(`connect ECONNREFUSED ${address}:9`), { code: 'ECONNREFUSED', address });
  const timedOut = () => Object.assign(new Error('nothing moved for 1 s'), { code: 'ETIMEDOUT' });
  const policy = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2, giveUpAfterMs: 10_000, waitForStoreMs: 300 };

  it('a refused local port or an unknown host, before the store ever answered, fails at once', async () => {
    for (const e of [refused('127.0.0.1'), refused('::1'), Object.assign(new Error('getaddrinfo ENOTFOUND nope.invalid'), { code: 'ENOTFOUND' })]) {
      let calls = 0;
      const failing = withRetry(
        async () => {
          calls++;
          throw e;
        },
        { policy, contact: { answered: false } },
      );
      await expect(failing).rejects.toBe(e);
      expect(calls).toBe(1);
    }
  });

  it('a store that answered before is waited for without using up attempts, and told as waiting', async () => {
    const notices: string[] = [];
    let calls = 0;
    const value = await withRetry(
      async () => {
        if (++calls < 8) throw refused('127.0.0.1');
        return 'back';
      },
      { policy, contact: { answered: true }, onRetry: (n) => notices.push(`${n.attempt}/${n.of} ${n.waiting ? 'waiting' : 'retry'}`) },
    );
    expect([value, calls]).toEqual(['back', 8]);
    expect(notices.every((n) => n === '1/3 waiting')).toBe(true);
  });

  it('gives up waiting after waitForStoreMs, and retries that would start after giveUpAfterMs are not made', async () => {
    const started = Date.now();
    await expect(
      withRetry(
        async () => {
          throw refused('127.0.0.1');
        },
        { policy: { ...policy, attempts: 100 }, contact: { answered: true } },
      ),
    ).rejects.toThrow(/ECONNREFUSED/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);

    let clock = 0;
    let calls = 0;
    const slow = withRetry(
      async () => {
        calls++;
        clock += 4000; // each attempt waits out a 4 s time-out
        throw timedOut();
      },
      { policy: { ...policy, attempts: 100 }, now: () => clock },
    );
    await expect(slow).rejects.toThrow('nothing moved');
    expect(calls).toBe(3); // starts at 0, 4 and 8 s; one at 12 s would be past 10 s
  });
});
