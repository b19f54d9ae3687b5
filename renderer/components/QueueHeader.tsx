import type { QueueAction, QueueTotals, UploadItem } from '../../common/uploads';
import { api } from '../api';
import { formatBytes, formatEta, formatSpeed } from '../format';
import type { QueueSummary } from '../state/uploads';
import type { AutoCopy } from '../state/use-auto-copy';

interface Props {
  readonly items: readonly UploadItem[];
  /** Counted from the items shown, so the header and the list agree. */
  readonly summary: QueueSummary;
  /** From main's last batch; absent until the first one arrives. */
  readonly totals: QueueTotals | undefined;
  readonly autoCopy: AutoCopy;
  readonly onAction: (action: QueueAction) => void;
}

/** One line per finished file: plain URLs, or Markdown links named after the files. */
export function linksText(items: readonly UploadItem[], format: 'plain' | 'markdown'): string {
  return items
    .filter((i) => i.state === 'completed' && i.link)
    .map((i) => (format === 'plain' ? i.link!.url : `[${i.name.replace(/[[\]]/g, '\\$&')}](${i.link!.url})`))
    .join('\n');
}

/** Progress of the whole queue, and the controls that act on every item. */
export function QueueHeader({ items, summary, totals, autoCopy, onAction }: Props) {
  const { counts, bytesSent: sent, bytesTotal: total } = summary;
  const count = (state: UploadItem['state']) => counts[state];
  const done = count('completed');
  const failed = count('failed');
  const active = count('uploading') + count('queued');
  const copy = (format: 'plain' | 'markdown') => void api().clipboard.writeText(linksText(items, format));
  return (
    <section className="queue-header" aria-label="Queue summary">
      <div className="totals">
        <strong>
          {done} of {summary.count} done
        </strong>
        {failed > 0 && <span className="error"> · {failed} failed</span>}
        <span className="hint">
          {' '}
          · {formatBytes(sent)} of {formatBytes(total)}
          {active > 0 && totals && totals.speed > 0 && ` · ${formatSpeed(totals.speed)}`}
          {active > 0 && totals?.etaSeconds !== undefined && ` · ${formatEta(totals.etaSeconds)} left`}
        </span>
        <progress max={total || 1} value={sent} aria-label="Total progress" />
      </div>
      <div className="actions">
        <button type="button" disabled={done === 0} aria-keyshortcuts="Control+Shift+C Meta+Shift+C" onClick={() => copy('plain')}>
          Copy all links
        </button>
        <button type="button" className="secondary" disabled={done === 0} onClick={() => copy('markdown')}>
          Copy as Markdown
        </button>
        <button type="button" className="secondary" disabled={active === 0} onClick={() => onAction('pause')}>
          Pause all
        </button>
        <button type="button" className="secondary" disabled={count('paused') === 0} onClick={() => onAction('resume')}>
          Resume all
        </button>
        <button type="button" className="secondary" disabled={failed === 0} onClick={() => onAction('retry')}>
          Retry failed
        </button>
        <button type="button" className="secondary" disabled={active + count('paused') === 0} onClick={() => onAction('cancel')}>
          Cancel all
        </button>
        <button type="button" className="secondary" disabled={done + failed + count('canceled') === 0} onClick={() => onAction('remove')}>
          Clear finished
        </button>
        <label className="check">
          <input type="checkbox" checked={autoCopy.on} onChange={(e) => autoCopy.set(e.target.checked)} />
          Copy the link when a single file finishes
        </label>
      </div>
    </section>
  );
}
