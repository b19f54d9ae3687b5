import type { QueueTotals, UploadState } from '../../common/uploads';
import { etaSeconds } from '../transfer/speed';
import type { Entry } from './queue-entry';

/**
 * The whole queue at a glance, in one pass. Canceled files count as items but not as bytes,
 * so canceling a big file does not leave the progress bar stuck short of full.
 */
export function queueTotals(entries: Iterable<Entry>): QueueTotals {
  const counts: Record<UploadState, number> = { queued: 0, uploading: 0, paused: 0, completed: 0, failed: 0, canceled: 0 };
  let bytesSent = 0;
  let bytesTotal = 0;
  let acknowledged = 0;
  let speed = 0;
  for (const e of entries) {
    counts[e.state]++;
    if (e.state === 'canceled') continue;
    bytesSent += e.shownBytes();
    acknowledged += e.acknowledged();
    bytesTotal += e.size;
    if (e.state === 'uploading') speed += e.meter.speed;
  }
  // Time left is counted like the speed, on what the store answered (queue-entry.ts says why).
  const eta = etaSeconds(bytesTotal - acknowledged, speed);
  return { bytesSent, bytesTotal, speed, counts, ...(eta !== undefined && counts.uploading > 0 ? { etaSeconds: eta } : {}) };
}
