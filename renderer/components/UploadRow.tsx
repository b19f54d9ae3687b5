import type { UploadItem } from '../../common/uploads';
import { formatBytes } from '../format';
import { LinkTools } from './LinkTools';

const STATE_LABEL: Record<UploadItem['state'], string> = {
  queued: 'Queued',
  uploading: 'Uploading',
  paused: 'Paused',
  completed: 'Done',
  failed: 'Failed',
  canceled: 'Canceled',
};

export function UploadRow({ item }: { readonly item: UploadItem }) {
  const percent = item.size === 0 ? (item.state === 'completed' ? 100 : 0) : Math.round((item.bytesSent / item.size) * 100);
  return (
    <div className={`upload upload-${item.state}`} role="listitem" aria-label={item.name}>
      <div className="upload-head">
        <span className="upload-name">{item.name}</span>
        <span className="upload-size">{formatBytes(item.size)}</span>
        <span className="upload-state">{STATE_LABEL[item.state]}</span>
      </div>
      <div className="upload-key hint" title={item.key}>
        {item.bucket}/{item.key}
      </div>
      <progress max={100} value={percent} aria-label={`${item.name} progress`} />
      {item.error && (
        <p role="alert" className="error">
          {item.error.message}
        </p>
      )}
      {item.link && <LinkTools url={item.link.url} name={item.name} />}
    </div>
  );
}
