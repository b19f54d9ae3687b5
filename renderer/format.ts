import { shortDuration } from '../common/expiry';

export { formatBytes, formatSpeed } from '../common/byte-size';

/** "42 s", "3 min", "1 h 5 min" left: at least a second while anything is left. */
export const formatEta = (seconds: number): string => shortDuration(Math.max(1, seconds));
