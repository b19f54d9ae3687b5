import { describe, expect, it } from 'vitest';
import { Entry } from '../../../core/uploads/queue-entry';
import { queueTotals } from '../../../core/uploads/queue-totals';
import { SpeedMeter } from '../../../core/transfer/speed';

const MiB = 1024 * 1024;

describe('speed over a sliding window of acknowledged bytes', () => {
  it('parts answered in bunches read as the steady rate between them', () => {
    const m = new SpeedMeter(8000);
    let speed = 0;
    // Four 1 MiB parts answered together every 2 s (2 MiB/s), sampled every 100 ms.
    for (let t = 0; t <= 20_000; t += 100) speed = m.sample(Math.floor(t / 2000) * 4 * MiB, t);
    expect(speed / MiB).toBeGreaterThan(1.5);
    expect(speed / MiB).toBeLessThan(2.6);
  });

  it('falls as time passes with nothing answered, instead of holding the last rate', () => {
    const m = new SpeedMeter(5000);
    for (let t = 0; t <= 5000; t += 100) m.sample(t * 1000, t); // 1 MB/s
    const stalled = m.sample(5_000_000, 9000);
    expect(stalled).toBeLessThan(300_000);
  });

  it('claims no speed from the first moment after a start', () => {
    const m = new SpeedMeter();
    m.sample(0, 0);
    expect(m.sample(8 * MiB, 200)).toBe(0);
  });
});

describe('progress that tells the truth', () => {
  const base = {
    id: 'a',
    profileId: 'p',
    expiresInSeconds: 3600,
    path: '/tmp/big.bin',
    relativePath: 'big.bin',
    size: 40 * MiB,
    mtimeMs: 0,
    key: 'k',
    bucket: 'b',
  } as const;
  const multipart = { uploadId: 'u', partSize: 8 * MiB, parts: [1, 2, 3].map((n) => ({ partNumber: n, etag: `e${n}`, size: 8 * MiB })) };

  it('a paused multipart upload shows the bytes of its stored parts, also while it resumes', () => {
    const e = new Entry({ ...base, state: 'paused', multipart });
    expect(e.item().bytesSent).toBe(24 * MiB);
    // What runEntry does on resume, before ListParts answers: the stored parts stay on screen.
    e.state = 'uploading';
    e.bytes = 0;
    expect(e.item().bytesSent).toBe(24 * MiB);
    expect(queueTotals([e]).bytesSent).toBe(24 * MiB);
  });

  it('time left counts the parts not yet answered, not bytes still in the connection', () => {
    const e = new Entry({ ...base, state: 'uploading', multipart });
    e.bytes = 40 * MiB; // every byte handed to the connection, two parts unanswered
    e.meter.sample(0, 0);
    e.meter.sample(8 * MiB, 4000); // 2 MiB/s answered
    expect(e.item().etaSeconds).toBe(8);
    expect(queueTotals([e]).etaSeconds).toBe(8);
  });
});
