import type { UploadItem } from '../../common/uploads';
import { api } from '../api';
import { formatBytes } from '../format';

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
    <li className={`upload upload-${item.state}`} aria-label={item.name}>
      <div className="upload-head">
        <span className="upload-name">{item.name}</span>
        <span className="upload-size">{formatBytes(item.size)}</span>
        <span className="upload-state">{STATE_LABEL[item.state]}</span>
      </div>
      <progress max={100} value={percent} aria-label={`${item.name} progress`} />
      {item.error && (
        <p role="alert" className="error">
          {item.error.message}
        </p>
      )}
      {item.link && (
        <div className="link">
          <input readOnly value={item.link.url} aria-label={`Link to ${item.name}`} onFocus={(e) => e.target.select()} />
          <button type="button" onClick={() => void api().clipboard.writeText(item.link!.url)}>
            Copy
          </button>
          <span className="hint">expires {new Date(item.link.expiresAt).toLocaleString()}</span>
        </div>
      )}
    </li>
  );
}
