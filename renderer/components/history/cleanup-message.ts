import { formatBytes } from '../../../common/format-bytes';
import type { CleanupResult } from '../../../common/lifecycle';

/** "1 file", "12 files". */
export const files = (n: number): string => `${n.toLocaleString()} ${n === 1 ? 'file' : 'files'}`;

/** What a cleanup did, failures counted and the first one named: "Deleted 12 files, 34 MB; 1 could not be deleted: photos/a.jpg: Access denied…". */
export function cleanupMessage(result: CleanupResult): string {
  const done = result.count === 0 ? 'No file was deleted' : `Deleted ${files(result.count)}, ${formatBytes(result.bytes)}`;
  const first = result.failed[0];
  if (!first) return `${done}.`;
  return `${done}; ${result.failed.length.toLocaleString()} could not be deleted: ${first.key}: ${first.message}`;
}
