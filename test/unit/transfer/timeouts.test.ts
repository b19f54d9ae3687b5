import { describe, expect, it } from 'vitest';
import { SDK_MAX_ATTEMPTS, sdkRequestHandler } from '../../../core/s3/client';
import { DEFAULT_RETRY } from '../../../core/transfer/retry';
import { DEFAULT_TIMEOUTS } from '../../../core/transfer/timeouts';
import { transferSettings } from '../../../core/uploads/queue-settings';

describe('time-out defaults', () => {
  it('are those the comments give reasons for, and reach the queue and the SDK client', () => {
    expect(DEFAULT_TIMEOUTS).toEqual({ connectTimeoutMs: 10_000, firstByteTimeoutMs: 30_000, idleTimeoutMs: 30_000 });
    expect(DEFAULT_RETRY).toEqual({ attempts: 8, baseDelayMs: 250, maxDelayMs: 15_000, giveUpAfterMs: 90_000, waitForStoreMs: 300_000 });
    expect(transferSettings({})).toMatchObject(DEFAULT_TIMEOUTS);
    expect(transferSettings({ idleTimeoutMs: 1000 }).idleTimeoutMs).toBe(1000);
    expect(sdkRequestHandler()).toEqual({ connectionTimeout: 10_000, socketTimeout: 30_000 });
  });

  it('bound a store that accepts connections and never answers to about a minute a request, three minutes an item', () => {
    const put = DEFAULT_TIMEOUTS.firstByteTimeoutMs; // the body leaves, no answer comes
    const sdkCall = SDK_MAX_ATTEMPTS * DEFAULT_TIMEOUTS.idleTimeoutMs; // the SDK tries its own calls three times
    expect(Math.max(put, DEFAULT_TIMEOUTS.idleTimeoutMs)).toBeLessThanOrEqual(60_000);
    // No attempt starts after giveUpAfterMs (the backoff before it included), so the last one ends one request later.
    expect(DEFAULT_RETRY.giveUpAfterMs! + Math.max(put, sdkCall)).toBeLessThanOrEqual(180_000);
  });
});
