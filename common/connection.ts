import type { AppError } from './result';

/** What Test connection found, in words a person can act on. */
export interface ConnectionReport {
  readonly ok: boolean;
  /** The region used for the checks: the profile's, or the one the bucket reported. */
  readonly region: string;
  /** Set when the bucket named its region and the profile had none or another. */
  readonly detectedRegion?: string;
  /** Seconds the server's clock is ahead of this computer's (negative: behind). */
  readonly clockSkewSeconds?: number;
  /** Actions that were allowed, in order ("s3:PutObject", ...). */
  readonly passed: readonly string[];
  readonly warnings: readonly string[];
  readonly error?: AppError;
}
