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
