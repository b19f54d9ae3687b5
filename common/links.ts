import { shortDuration } from './expiry';

/** A link Signdrop made, as the history keeps it. */
export interface LinkRecord {
  readonly id: string;
  readonly profileId: string;
  readonly bucket: string;
  readonly key: string;
  /** The name the download is saved under. */
  readonly name: string;
  readonly size: number;
  readonly url: string;
  readonly createdAt: string;
  /** The real expiry: already clamped to temporary credentials where they apply. */
  readonly expiresAt: string;
  /** Set once the object was deleted to end access. */
  readonly deletedAt?: string;
  /**
   * When the link this one replaced stops working: "New link" updates the entry in place, and the
   * old URL still works until then (a presigned link cannot be revoked), so the entry keeps saying so.
   */
  readonly replacedExpiresAt?: string;
}

export const isExpired = (link: Pick<LinkRecord, 'expiresAt'>, now: Date): boolean => Date.parse(link.expiresAt) <= now.getTime();

/** "3 d 4 h", "5 min", "expired": how long a link still lives. */
export function timeLeft(link: Pick<LinkRecord, 'expiresAt'>, now: Date): string {
  const seconds = Math.floor((Date.parse(link.expiresAt) - now.getTime()) / 1000);
  return seconds <= 0 ? 'expired' : shortDuration(seconds);
}

/** How long a link will really work, known before it is signed. */
export interface LinkLifetime {
  /** The lifetime that was asked for. */
  readonly requestedSeconds: number;
  /** What is signed into X-Amz-Expires: the request, or less when the credentials die first. */
  readonly seconds: number;
  /** ISO time after which the link no longer works. */
  readonly expiresAt: string;
  /** Set when temporary credentials cut the lifetime short. */
  readonly clampedBy: 'credentials' | undefined;
  /** A sentence for the person sharing the link when it was cut short. */
  readonly warning: string | undefined;
}

/** History's filters: every link; links that still work; those that stop within a day; those that no longer work (expired or deleted). */
export const LINK_FILTERS = ['all', 'active', 'expiring', 'expired'] as const;
export type LinkFilter = (typeof LINK_FILTERS)[number];

/** "Expiring" means the link stops working within this long. */
export const EXPIRING_WITHIN_MS = 24 * 60 * 60 * 1000;

/** Which filter a link falls in at `nowMs`, besides 'all'. */
export function linkState(link: Pick<LinkRecord, 'expiresAt' | 'deletedAt'>, nowMs: number): 'active' | 'expiring' | 'expired' {
  const left = Date.parse(link.expiresAt) - nowMs;
  if (link.deletedAt || left <= 0) return 'expired';
  return left <= EXPIRING_WITHIN_MS ? 'expiring' : 'active';
}

/** One page of the history as History shows it: the matches of a search and filter, newest first. */
export interface LinkPage {
  /** How many links match the search and filter. */
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly LinkRecord[];
  /** How many links match the search under each filter, for the filter buttons. */
  readonly counts: Readonly<Record<LinkFilter, number>>;
}

/** What a bulk action did: how many links it handled, and each one it could not, with why. */
export interface BulkOutcome {
  readonly done: number;
  readonly failed: readonly { readonly id: string; readonly name: string; readonly message: string }[];
}
