/** SigV4 presigned URLs live at most 7 days; longer ones are rejected by S3 (aws/aws-cli#5464). */
export const MAX_PRESIGN_EXPIRY_S = 604_800;
export const MIN_PRESIGN_EXPIRY_S = 1;

export const EXPIRY_PRESETS: readonly { readonly label: string; readonly seconds: number }[] = [
  { label: '15 minutes', seconds: 15 * 60 },
  { label: '1 hour', seconds: 3600 },
  { label: '1 day', seconds: 86_400 },
  { label: '7 days', seconds: MAX_PRESIGN_EXPIRY_S },
];

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * Parses "45s", "15m", "1h", "7d" or a plain number of seconds.
 * Returns an error sentence instead of a number when the value cannot be a link lifetime.
 */
export function parseDuration(text: string): { seconds: number } | { error: string } {
  const match = /^\s*(\d+)\s*([smhd]?)\s*$/i.exec(text);
  if (!match) return { error: `"${text}" is not a duration: use 45s, 15m, 1h, 7d or a number of seconds.` };
  const seconds = Number(match[1]) * (UNIT_SECONDS[(match[2] || 's').toLowerCase()] ?? 1);
  const problem = checkExpiry(seconds);
  return problem ? { error: problem } : { seconds };
}

/** Returns why an expiry cannot be signed, or undefined when it can. */
export function checkExpiry(seconds: number): string | undefined {
  if (!Number.isInteger(seconds) || seconds < MIN_PRESIGN_EXPIRY_S) {
    return 'A link must live at least 1 second.';
  }
  if (seconds > MAX_PRESIGN_EXPIRY_S) {
    return `A presigned link can live at most 7 days (604800 s); ${seconds} s was asked for. Choose 7d or less.`;
  }
  return undefined;
}

const UNITS_DESCENDING: readonly (readonly [number, string])[] = [
  [86_400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
];

/** "3 d 4 h", "2 h 5 min", "5 min", "42 s": a short remaining time (link countdowns, upload ETAs). Rounds down. */
export function shortDuration(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min`;
  return `${Math.floor(seconds)} s`;
}

/** "1 hour", "7 days", "90 seconds": for messages and the UI. */
export function describeDuration(seconds: number): string {
  for (const [size, name] of UNITS_DESCENDING) {
    if (seconds % size === 0 && seconds >= size) {
      const n = seconds / size;
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

/**
 * "about 43 minutes", "about 5 hours": for lifetimes that are not round numbers, such as what
 * is left of temporary credentials. Rounds down, so a person is never promised too much.
 */
export function describeApproxDuration(seconds: number): string {
  for (const [size, name] of UNITS_DESCENDING) {
    if (seconds >= size) {
      if (seconds % size === 0) return describeDuration(seconds);
      const n = Math.floor(seconds / size);
      return `about ${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return describeDuration(seconds);
}
