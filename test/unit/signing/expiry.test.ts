import { describe, expect, it } from 'vitest';
import { checkExpiry, describeApproxDuration, describeDuration, EXPIRY_PRESETS, MAX_PRESIGN_EXPIRY_S, parseDuration } from '../../../common/expiry';

describe('link lifetimes', () => {
  it('offers 15 minutes, 1 hour, 1 day and 7 days', () => {
    expect(EXPIRY_PRESETS.map((p) => [p.label, p.seconds])).toEqual([
      ['15 minutes', 900],
      ['1 hour', 3600],
      ['1 day', 86_400],
      ['7 days', 604_800],
    ]);
    for (const preset of EXPIRY_PRESETS) expect(checkExpiry(preset.seconds)).toBeUndefined();
  });

  it('accepts any whole number of seconds from 1 to 7 days and nothing else', () => {
    expect(checkExpiry(1)).toBeUndefined();
    expect(checkExpiry(MAX_PRESIGN_EXPIRY_S)).toBeUndefined();
    expect(checkExpiry(MAX_PRESIGN_EXPIRY_S + 1)).toMatch(/at most 7 days \(604800 s\); 604801 s was asked for/);
    expect(checkExpiry(0)).toMatch(/at least 1 second/);
    expect(checkExpiry(1.5)).toMatch(/at least 1 second/);
  });

  it.each([
    ['45s', 45],
    ['15m', 900],
    ['1h', 3600],
    ['7d', 604_800],
    ['3600', 3600],
    [' 2H ', 7200],
  ])('parses %j as %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toEqual({ seconds });
  });

  it.each(['8d', '604801', '0', '1w', '-5m', 'soon', ''])('refuses %j with a sentence', (text) => {
    const result = parseDuration(text);
    expect('error' in result && result.error.length > 10).toBe(true);
  });

  it('describes lifetimes in words, rounding odd ones down', () => {
    expect(describeDuration(604_800)).toBe('7 days');
    expect(describeDuration(90)).toBe('90 seconds');
    expect(describeApproxDuration(2700)).toBe('45 minutes');
    expect(describeApproxDuration(5399)).toBe('about 1 hour');
    expect(describeApproxDuration(200_000)).toBe('about 2 days');
    expect(describeApproxDuration(59)).toBe('59 seconds');
  });
});
