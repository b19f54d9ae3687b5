import type { UploadItem } from '../../common/uploads';
import { useNow } from '../hooks';

/** Half a second, so the count never shows a second that has already passed for long. */
const TICK_MS = 500;

interface Props {
  readonly retry: NonNullable<UploadItem['retry']>;
}

/**
 * What a row waiting to try again says instead of a speed: when, why, and how many tries are
 * left ("Retrying in 4 s — could not reach the store (3 of 8)"), so silence never looks like progress.
 */
export function UploadRowRetry({ retry }: Props) {
  const now = useNow(TICK_MS);
  const seconds = Math.max(0, Math.ceil((Date.parse(retry.nextAt) - now.getTime()) / 1000));
  const when = seconds > 0 ? `Retrying in ${seconds} s` : 'Retrying now';
  return (
    <span className="upload-retry">
      {when} — {retry.reason} ({retry.attempt} of {retry.of})
    </span>
  );
}
