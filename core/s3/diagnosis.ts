import type { AppError } from '../../common/result';
import { describeS3Failure, type FailureContext, type S3Failure } from '../errors/s3-failure';

/** S3 rejects requests more than 15 minutes off (RequestTimeTooSkewed); links from such a clock never work. */
export const FATAL_SKEW_S = 15 * 60;
/** Beyond a minute links visibly start late or end early: worth a warning. */
export const WARN_SKEW_S = 60;

/** What the probe saw of one S3 request: the HTTP response (if any) and the SDK's or socket's error. */
export type ProbeOutcome = S3Failure & { readonly action: string };

/** What the diagnosis needs to know about the profile; never keys beyond the (public) access key id. */
export type ProbeTarget = Required<Pick<FailureContext, 'endpoint' | 'region' | 'bucket' | 'accessKeyId'>>;

/** Seconds the server's clock is ahead of ours (negative: behind), from its Date header. */
export function clockSkewSeconds(dateHeader: string | undefined, localNow: Date): number | undefined {
  if (!dateHeader) return undefined;
  const server = Date.parse(dateHeader);
  if (Number.isNaN(server)) return undefined;
  return Math.round((server - localNow.getTime()) / 1000);
}

/** "20 minutes", "2 hours": skew in words. */
function describeSkew(seconds: number): string {
  const s = Math.abs(seconds);
  if (s >= 7200) return `${Math.round(s / 3600)} hours`;
  if (s >= 120) return `${Math.round(s / 60)} minutes`;
  return `${s} seconds`;
}

/** The clock verdict: a fatal error past 15 minutes, a warning past 1 minute, else nothing. */
export function judgeSkew(skew: number | undefined): { error?: AppError; warning?: string } {
  if (skew === undefined || Math.abs(skew) <= WARN_SKEW_S) return {};
  // Server ahead of us means our clock is behind.
  const side = skew > 0 ? 'behind' : 'ahead of';
  if (Math.abs(skew) > FATAL_SKEW_S) {
    return {
      // Not retryable: the same request fails again until the clock is set.
      error: {
        code: 'clock-skew',
        message: `This computer's clock is ${describeSkew(skew)} ${side} the server's. S3 refuses requests more than 15 minutes off, so nothing can upload and links would not work: turn on automatic time (NTP) and retry.`,
        retryable: false,
      },
    };
  }
  return {
    warning: `This computer's clock is ${describeSkew(skew)} ${side} the server's: links will start and expire that much off. Turn on automatic time (NTP).`,
  };
}

/**
 * A probe request's verdict: undefined when it succeeded, else the failure in words (worded by
 * describeS3Failure, like every S3 failure). Pure, so each S3 error document is unit-tested without a server.
 */
export function diagnose(outcome: ProbeOutcome, target: ProbeTarget): AppError | undefined {
  const status = outcome.status ?? 0;
  if (!outcome.networkCode && !outcome.networkMessage && status >= 200 && status < 300) return undefined;
  return describeS3Failure(outcome, target);
}
