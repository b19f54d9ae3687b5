import type { QueueAction, QueueTotals, UploadItem } from '../../common/uploads';
import { formatBytes, formatEta, formatSpeed } from '../format';
import type { QueueSummary } from '../state/uploads';
import type { CopyLoop } from '../state/use-copy-loop';
import { CopySettings } from './CopySettings';
import { ariaKeys, SHORTCUTS, withKeys } from './keyboard/shortcuts';

interface Props {
  /** Counted from the items shown, so the header and the list agree. */
  readonly summary: QueueSummary;
  /** From main's last batch; absent until the first one arrives. */
  readonly totals: QueueTotals | undefined;
  readonly copy: CopyLoop;
  readonly onAction: (action: QueueAction) => void;
  /** Brings the first failed row into view and focuses it. */
  readonly onShowFailed: () => void;
}

/** Progress of the whole queue, and the controls that act on every item. */
export function QueueHeader({ summary, totals, copy, onAction, onShowFailed }: Props) {
  const { counts, bytesSent: sent, bytesTotal: total } = summary;
  const count = (state: UploadItem['state']) => counts[state];
  const done = count('completed');
  const failed = count('failed');
  const active = count('uploading') + count('queued');
  return (
    <section className="queue-header" aria-label="Queue summary">
      <div className="totals">
        <strong>
          {done} of {summary.count} done
        </strong>
        {/* Said as it happens, since the failed row may be far down the list. */}
        <span aria-live="polite">
          {failed > 0 && (
            <>
              {' · '}
              <button type="button" className="link-button error" onClick={onShowFailed}>
                {failed} failed — show
              </button>
            </>
          )}
        </span>
        <span className="hint">
          {' '}
          · {formatBytes(sent)} of {formatBytes(total)}
          {active > 0 && totals && totals.speed > 0 && ` · ${formatSpeed(totals.speed)}`}
          {active > 0 && totals?.etaSeconds !== undefined && ` · ${formatEta(totals.etaSeconds)} left`}
        </span>
        <progress max={total || 1} value={sent} aria-label="Total progress" />
      </div>
      <div className="actions">
        <button
          type="button"
          disabled={copy.lastBatchLinks === 0}
          aria-keyshortcuts={ariaKeys(SHORTCUTS.copyAll.combo)}
          title={withKeys('The links of the last files added, in the format chosen below', SHORTCUTS.copyAll)}
          onClick={copy.copyLastBatch}
        >
          Copy all links
        </button>
        <button
          type="button"
          disabled={!copy.canShareLastBatch || copy.sharing}
          title="One link to a page in your bucket that lists the last files added, each with its own link"
          onClick={copy.shareLastBatch}
        >
          {copy.sharing ? 'Making page…' : 'Share as one link'}
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
      </div>
      <CopySettings settings={copy.settings} />
    </section>
  );
}
