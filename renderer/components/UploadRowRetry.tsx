import type { UploadItem } from '../../common/uploads';
import { useNow } from '../hooks';

/** Half a second, so the count never shows a second that has already passed for long. */
const TICK_MS = 500;

interface Props {
  readonly retry: NonNullable<UploadItem['retry']>;
}

/**
 * What a row waiting to try again says instead of a speed: when, which try of how many, and why
 * ("Retrying in 4 s (3 of 8): the store could not be reached", worded as the CLI says it), so
 * silence never looks like progress.
 */
export function UploadRowRetry({ retry }: Props) {
  const now = useNow(TICK_MS);
  const seconds = Math.max(0, Math.ceil((Date.parse(retry.nextAt) - now.getTime()) / 1000));
  const when = seconds > 0 ? `Retrying in ${seconds} s` : 'Retrying now';
  return (
    <span className="upload-retry">
      {when} ({retry.attempt} of {retry.of}): {retry.reason}
    </span>
  );
}
