/** What setting or removing the "delete uploads N days after upload" bucket rule left in place. */
export interface ExpireAfterResult {
  readonly bucket: string;
  /** The key prefix the rule covers (the fixed start of the profile's key template); empty means every object in the bucket. */
  readonly prefix: string;
  /** Days after upload; null when the rule was removed. */
  readonly days: number | null;
  /** How many of the bucket's other lifecycle rules were kept as they were. */
  readonly otherRules: number;
}

/** Lifecycle rules count whole days; ten years is far beyond any sharing. */
export const MAX_EXPIRE_AFTER_DAYS = 3650;

/** What "Clean up expired" deleted (or, in a dry run, would delete). */
export interface CleanupResult {
  readonly count: number;
  readonly bytes: number;
  readonly keys: string[];
  /** Objects that could not be deleted, with why; their links stay as they were. */
  readonly failed: { key: string; message: string }[];
}
