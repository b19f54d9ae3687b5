import { shortDuration } from '../common/expiry';
import { formatBytes } from '../common/format-bytes';

export { formatBytes } from '../common/format-bytes';

/** "12 MB/s" */
export const formatSpeed = (bytesPerSecond: number): string => `${formatBytes(Math.round(bytesPerSecond))}/s`;

/** "42 s", "3 min", "1 h 5 min" left: at least a second while anything is left. */
export const formatEta = (seconds: number): string => shortDuration(Math.max(1, seconds));
