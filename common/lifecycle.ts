import { z } from 'zod';

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

/**
 * The rule as the profile's settings show it: where it stands (`days` null: no rule), and whether the
 * store does lifecycle rules at all. When it does not, `refusal` is the store's answer in words and
 * the setting cannot be changed (cleanup is the way files go away there).
 */
export interface ExpireAfterState extends ExpireAfterResult {
  readonly supported: boolean;
  readonly refusal?: string;
}

/** Lifecycle rules count whole days; ten years is far beyond any sharing. */
export const MAX_EXPIRE_AFTER_DAYS = 3650;

/** Far beyond any history: a bound on what one confirmation can name. */
export const MAX_CLEANUP_OBJECTS = 1_000_000;

/** The objects a cleanup confirmation showed: the real run deletes no others. */
export const CleanupObjects = z.array(z.object({ bucket: z.string().min(1).max(255), key: z.string().min(1).max(2048) }).strict()).max(MAX_CLEANUP_OBJECTS);
export type CleanupObjects = z.output<typeof CleanupObjects>;

/** What "Clean up expired" deleted (or, in a dry run, would delete: what the confirmation lists). */
export interface CleanupResult {
  /** True when nothing was deleted: the objects below are what a real run would delete. */
  readonly dryRun: boolean;
  readonly count: number;
  readonly bytes: number;
  readonly keys: string[];
  /** The same objects as `keys`, with what the confirmation shows of each. */
  readonly objects: { bucket: string; key: string; name: string; size: number }[];
  /** Objects that could not be deleted, with why in words; their links stay as they were. */
  readonly failed: { bucket: string; key: string; message: string }[];
}
