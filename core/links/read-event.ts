import type { LinkRecord } from '../../common/links';
import { LinkEventSchema, type LinkEvent } from './link-events';

/** An event as the replay takes it: a `created` line's record comes apart from its `t` and `relinkedAt`. */
export type ReadEvent = { readonly t: 'created'; readonly record: LinkRecord; readonly relinkedAt: string | undefined } | Exclude<LinkEvent, { t: 'created' }>;

type Fields = Record<string, unknown>;

const isString = (v: unknown): v is string => typeof v === 'string';
const isOptionalString = (v: unknown): v is string | undefined => v === undefined || typeof v === 'string';

/**
 * A `created` line checked by hand: nearly every line of a log is one, and at 100,000 lines zod's
 * generic walk costs more than the rest of the read. It accepts only what LinkEventSchema accepts
 * and builds the same record (unknown fields dropped, absent optional ones left out); anything
 * it does not accept goes to the schema, which stays the judge.
 */
function readCreated(o: Fields): ReadEvent | undefined {
  const { id, profileId, bucket, key, name, size, url, createdAt, expiresAt, deletedAt, replacedExpiresAt, relinkedAt } = o;
  if (
    !isString(id) ||
    !isString(profileId) ||
    !isString(bucket) ||
    !isString(key) ||
    !isString(name) ||
    typeof size !== 'number' ||
    // JSON can spell an infinite number (1e999), which the schema refuses.
    !Number.isFinite(size) ||
    !isString(url) ||
    !isString(createdAt) ||
    !isString(expiresAt) ||
    !isOptionalString(deletedAt) ||
    !isOptionalString(replacedExpiresAt) ||
    !isOptionalString(relinkedAt)
  )
    return undefined;
  // One literal with every field: records of one shape, and no copy of the parsed object.
  const record: { -readonly [K in keyof LinkRecord]: LinkRecord[K] } = { id, profileId, bucket, key, name, size, url, createdAt, expiresAt };
  if (deletedAt !== undefined) record.deletedAt = deletedAt;
  if (replacedExpiresAt !== undefined) record.replacedExpiresAt = replacedExpiresAt;
  return { t: 'created', record, relinkedAt };
}

/** One parsed log line as an event, or undefined when it is no event this version knows (a newer version's). */
export function readEvent(json: unknown): ReadEvent | undefined {
  if (typeof json === 'object' && json !== null && (json as Fields).t === 'created') {
    const fast = readCreated(json as Fields);
    if (fast) return fast;
  }
  const parsed = LinkEventSchema.safeParse(json);
  if (!parsed.success) return undefined;
  if (parsed.data.t !== 'created') return parsed.data;
  const { t: _, relinkedAt, ...record } = parsed.data;
  return { t: 'created', record, relinkedAt };
}
