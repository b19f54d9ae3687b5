import { z } from 'zod';
import type { LinkRecord } from '../../common/links';

export const LinkRecordSchema = z.object({
  id: z.string(),
  profileId: z.string(),
  bucket: z.string(),
  key: z.string(),
  name: z.string(),
  size: z.number(),
  url: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  deletedAt: z.string().optional(),
  replacedExpiresAt: z.string().optional(),
});

/**
 * One line of the link log. `created` carries the whole record; `relinked` gives an existing
 * record a new URL and expiry in place; `deleted` marks every link to an object as dead.
 */
export const LinkEventSchema = z.discriminatedUnion('t', [
  // relinkedAt: written by compaction, so a relink replayed after it cannot bring back an older URL.
  LinkRecordSchema.extend({ t: z.literal('created'), relinkedAt: z.string().optional() }),
  z.object({ t: z.literal('relinked'), id: z.string(), url: z.string(), expiresAt: z.string(), at: z.string(), replacedExpiresAt: z.string().optional() }),
  z.object({ t: z.literal('deleted'), profileId: z.string(), bucket: z.string(), key: z.string(), at: z.string() }),
]);

export type LinkEvent = z.output<typeof LinkEventSchema>;

/** The log line that creates `record`. */
export const createdLine = (record: LinkRecord): string => JSON.stringify({ t: 'created', ...record });

/** The log line of any event. */
export const eventLine = (event: LinkEvent): string => JSON.stringify(event);
