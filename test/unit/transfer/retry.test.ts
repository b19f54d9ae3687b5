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
