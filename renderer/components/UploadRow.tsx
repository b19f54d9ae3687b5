import type { QueueAction, UploadItem } from '../../common/uploads';
import { api } from '../api';
import { formatBytes, formatEta, formatSpeed } from '../format';
import { ExpiresIn } from './ExpiresIn';
import { ItemActions } from './ItemActions';
import { LinkTools } from './LinkTools';
import { Thumbnail } from './Thumbnail';
import { UploadRowRetry } from './UploadRowRetry';

const STATE_LABEL: Record<UploadItem['state'], string> = {
  queued: 'Queued',
  uploading: 'Uploading',
  paused: 'Paused',
  completed: 'Done',
  failed: 'Failed',
  canceled: 'Canceled',
};

/** What a row does besides showing itself; one object, so the list passes it down unchanged. */
export interface RowHandlers {
  readonly onAction: (action: QueueAction, id: string) => void;
  readonly onCopy: (item: UploadItem) => void;
  /** A failure worth saying (a link that would not open), in words. */
  readonly onMessage: (message: string) => void;
}

interface Props {
  readonly item: UploadItem;
  /** This row's link was the last one copied, a moment ago. */
  readonly copied: boolean;
  readonly handlers: RowHandlers;
  /** Only the row the arrow keys last reached is in the Tab order (the list moves focus between rows). */
  readonly tabbable: boolean;
}

/** One upload: what it is, how far it got, and once done its link with what a user does with it. */
export function UploadRow({ item, copied, handlers, tabbable }: Props) {
  const percent = item.size === 0 ? (item.state === 'completed' ? 100 : 0) : Math.round((item.bytesSent / item.size) * 100);
  const say = (r: { ok: boolean; error?: { message: string } }) => !r.ok && handlers.onMessage(r.error!.message);
  const done = item.state === 'completed';
  // A row waiting to try again has no speed to show: it says when and why instead.
  const retry = item.state === 'uploading' || item.state === 'queued' ? item.retry : undefined;
  return (
    <div
      className={`upload upload-${item.state}`}
      role="listitem"
      aria-label={item.name}
      tabIndex={tabbable ? 0 : -1}
      aria-keyshortcuts={item.link ? 'Enter' : undefined}
    >
      <Thumbnail id={item.id} name={item.name} />
      <div className="upload-body">
        <div className="upload-head">
          <span className="upload-name" title={`${item.bucket}/${item.key}`}>
            {item.name}
          </span>
          <span className="upload-size">{done ? formatBytes(item.size) : `${formatBytes(item.bytesSent)} of ${formatBytes(item.size)}`}</span>
          {retry && <UploadRowRetry retry={retry} />}
          {!retry && item.state === 'uploading' && item.speed !== undefined && <span className="upload-speed">{formatSpeed(item.speed)}</span>}
          {!retry && item.etaSeconds !== undefined && <span className="upload-eta">{formatEta(item.etaSeconds)} left</span>}
          {item.link && <ExpiresIn expiresAt={item.link.expiresAt} />}
          {!retry && <span className="upload-state">{STATE_LABEL[item.state]}</span>}
          <ItemActions item={item} onAction={handlers.onAction} />
        </div>
        {!done && <progress max={100} value={percent} aria-label={`${item.name} progress`} />}
        {item.integrity === 'skipped' && <p className="hint">Integrity check skipped: this store’s ETags are not MD5s.</p>}
        {item.notice && <p className="hint">{item.notice}</p>}
        {item.error && (
          <p role="alert" className="error">
            {item.error.message}
          </p>
        )}
        {item.link && (
          <LinkTools
            url={item.link.url}
            name={item.name}
            downloadName={item.name.slice(item.name.lastIndexOf('/') + 1)}
            copied={copied}
            onCopy={() => handlers.onCopy(item)}
          >
            <button
              type="button"
              className="secondary"
              aria-label={`Open ${item.name} in the browser`}
              onClick={() => void api().links.open(item.link!.url).then(say)}
            >
              Open
            </button>
            <button
              type="button"
              className="secondary"
              aria-label={`Show in folder: ${item.name}`}
              onClick={() => void api().uploads.reveal(item.id).then(say)}
            >
              Show in folder
            </button>
          </LinkTools>
        )}
      </div>
    </div>
  );
}
