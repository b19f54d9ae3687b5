import { memo, useState } from 'react';
import { isExpired, timeLeft, type LinkRecord } from '../../../common/links';
import type { AppError } from '../../../common/result';
import { formatBytes } from '../../format';
import { LinkTools } from '../LinkTools';
import { RowButtons, RowPanel, type RowAction } from './RowActions';

export interface RowProps {
  readonly link: LinkRecord;
  /** The view's one clock: only the rows in view re-render when it ticks. */
  readonly now: Date;
  readonly selected: boolean;
  readonly onSelect: (id: string, on: boolean) => void;
  /** Where "New link…" starts: the default expiry of the profile that made the link. */
  readonly defaultExpiry: number;
  readonly onChanged: () => void;
  readonly onError: (e: AppError) => void;
}

// One formatter for every row: toLocaleString builds a new one per call, which every visible row would pay each second.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });
const when = (iso: string): string => dateTime.format(Date.parse(iso));

/** "previous link until …" or "previous link expired …": the old URL still works until its own expiry. */
function replacedNote(link: LinkRecord, now: Date): string {
  if (!link.replacedExpiresAt) return '';
  const gone = isExpired({ expiresAt: link.replacedExpiresAt }, now);
  return ` · previous link ${gone ? 'expired' : 'until'} ${when(link.replacedExpiresAt)}`;
}

/** One link in History: its countdown, where it points, its tools and actions, and a box to choose it. */
export const HistoryRow = memo(function HistoryRow({ link, now, selected, onSelect, defaultExpiry, onChanged, onError }: RowProps) {
  const [open, setOpen] = useState<RowAction>();
  const expired = isExpired(link, now);
  const dead = expired || Boolean(link.deletedAt);
  const status = link.deletedAt ? 'Deleted' : expired ? 'Expired' : `Expires in ${timeLeft(link, now)}`;
  const buttons = !link.deletedAt && <RowButtons link={link} onOpen={setOpen} />;
  return (
    <div role="listitem" className={`history-row${dead ? ' history-dead' : ''}`} aria-label={`${link.name}, ${status}`}>
      <div className="upload-head">
        <input type="checkbox" checked={selected} onChange={(e) => onSelect(link.id, e.target.checked)} aria-label={`Select ${link.name}`} />
        <span className="upload-name">{link.name}</span>
        <span className="upload-size">{formatBytes(link.size)}</span>
        <span className={`badge${dead ? ' badge-dead' : ''}`}>{status}</span>
      </div>
      {/* What a user asks first comes first: the key, the longest part, is what gets cut short. */}
      <div className="hint upload-key" title={`${link.bucket}/${link.key}`}>
        until {when(link.expiresAt)}
        {replacedNote(link, now)} · made {when(link.createdAt)} · {link.bucket}/{link.key}
      </div>
      {dead ? (
        <div className="link">{buttons}</div>
      ) : (
        <LinkTools url={link.url} name={link.name} downloadName={link.name}>
          {buttons}
        </LinkTools>
      )}
      {!link.deletedAt && open && (
        <RowPanel action={open} link={link} defaultExpiry={defaultExpiry} onClose={() => setOpen(undefined)} onChanged={onChanged} onError={onError} />
      )}
    </div>
  );
});
