import type { UploadItem } from '../../common/uploads';
import { api } from '../api';
import { formatBytes } from '../format';

interface Props {
  readonly items: readonly UploadItem[];
  readonly autoCopy: boolean;
  readonly onAutoCopy: (on: boolean) => void;
}

/** One line per finished file: plain URLs, or Markdown links named after the files. */
export function linksText(items: readonly UploadItem[], format: 'plain' | 'markdown'): string {
  return items
    .filter((i) => i.state === 'completed' && i.link)
    .map((i) => (format === 'plain' ? i.link!.url : `[${i.name.replace(/[[\]]/g, '\\$&')}](${i.link!.url})`))
    .join('\n');
}

export function QueueHeader({ items, autoCopy, onAutoCopy }: Props) {
  const total = items.reduce((n, i) => n + i.size, 0);
  const sent = items.reduce((n, i) => n + i.bytesSent, 0);
  const done = items.filter((i) => i.state === 'completed').length;
  const failed = items.filter((i) => i.state === 'failed').length;
  const copy = (format: 'plain' | 'markdown') => void api().clipboard.writeText(linksText(items, format));
  return (
    <section className="queue-header" aria-label="Queue summary">
      <div className="totals">
        <strong>
          {done} of {items.length} done
        </strong>
        {failed > 0 && <span className="error"> · {failed} failed</span>}
        <span className="hint">
          {' '}
          · {formatBytes(sent)} of {formatBytes(total)}
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
        <label className="check">
          <input type="checkbox" checked={autoCopy} onChange={(e) => onAutoCopy(e.target.checked)} />
          Copy the link when a single file finishes
        </label>
      </div>
    </section>
  );
}
