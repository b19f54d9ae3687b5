import type { QueueAction, UploadItem } from '../../common/uploads';
import { formatBytes, formatEta, formatSpeed } from '../format';
import { ItemActions } from './ItemActions';
import { LinkTools } from './LinkTools';

const STATE_LABEL: Record<UploadItem['state'], string> = {
  queued: 'Queued',
  uploading: 'Uploading',
  paused: 'Paused',
  completed: 'Done',
  failed: 'Failed',
  canceled: 'Canceled',
};

interface Props {
  readonly item: UploadItem;
  readonly onAction: (action: QueueAction, id: string) => void;
}

export function UploadRow({ item, onAction }: Props) {
  const percent = item.size === 0 ? (item.state === 'completed' ? 100 : 0) : Math.round((item.bytesSent / item.size) * 100);
  return (
    <div className={`upload upload-${item.state}`} role="listitem" aria-label={item.name}>
      <div className="upload-head">
        <span className="upload-name">{item.name}</span>
        <span className="upload-size">{formatBytes(item.size)}</span>
        {item.state === 'uploading' && item.speed !== undefined && <span className="upload-speed">{formatSpeed(item.speed)}</span>}
        {item.etaSeconds !== undefined && <span className="upload-eta">{formatEta(item.etaSeconds)} left</span>}
        <span className="upload-state">{STATE_LABEL[item.state]}</span>
        <ItemActions item={item} onAction={onAction} />
      </div>
      <div className="upload-key hint" title={item.key}>
        {item.bucket}/{item.key}
        {item.integrity === 'skipped' && ' · integrity check skipped: this store’s ETags are not MD5s'}
      </div>
      <progress max={100} value={percent} aria-label={`${item.name} progress`} />
      {item.notice && <p className="hint">{item.notice}</p>}
      {item.error && (
        <p role="alert" className="error">
          {item.error.message}
        </p>
      )}
      {item.link && <LinkTools url={item.link.url} name={item.name} downloadName={item.name.slice(item.name.lastIndexOf('/') + 1)} />}
    </div>
  );
}
