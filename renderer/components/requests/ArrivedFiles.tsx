import { useCallback, useEffect, useState } from 'react';
import type { FileRequest, RequestFile } from '../../../common/requests';
import type { AppError } from '../../../common/result';
import { api } from '../../api';
import { formatBytes } from '../../format';

/** Links to an arrived file live a day: long enough to download or pass on, short if it leaks. */
const FILE_LINK_S = 86_400;

interface Props {
  readonly request: FileRequest;
  /** Changes when main reports new arrivals: the list is read again. */
  readonly version: number;
  readonly onError: (error: AppError) => void;
}

/** What arrived for a request: each file with its name, size and time, to download, share onward or delete. */
export function ArrivedFiles({ request, version, onError }: Props) {
  const [files, setFiles] = useState<readonly RequestFile[]>();
  const load = useCallback(async () => {
    const r = await api().requests.files(request.id);
    if (r.ok) setFiles(r.value);
    else onError(r.error);
  }, [request.id, onError]);
  useEffect(() => {
    void load();
  }, [load, version]);

  if (!files) return <p className="hint">Looking for files…</p>;
  return (
    <section aria-label={`Files for ${request.title || 'this request'}`}>
      <div className="actions">
        <h4>
          Arrived: {files.length} of {request.maxFiles}
        </h4>
        <button type="button" className="secondary" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      {files.length === 0 && <p className="hint">Nothing yet. Files appear here as they arrive.</p>}
      <ul className="history" aria-label="Arrived files">
        {files.map((file) => (
          <ArrivedFile key={file.key} request={request} file={file} onChanged={load} onError={onError} />
        ))}
      </ul>
    </section>
  );
}

interface FileProps {
  readonly request: FileRequest;
  readonly file: RequestFile;
  readonly onChanged: () => Promise<void>;
  readonly onError: (error: AppError) => void;
}

function ArrivedFile({ request, file, onChanged, onError }: FileProps) {
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const link = async (then: (url: string) => Promise<{ ok: boolean; error?: AppError }>) => {
    const r = await api().requests.fileLink(request.id, file.key, FILE_LINK_S);
    if (!r.ok) return onError(r.error);
    const done = await then(r.value.url);
    if (!done.ok && done.error) onError(done.error);
    return done.ok;
  };
  const remove = async () => {
    const r = await api().requests.deleteFile(request.id, file.key);
    if (!r.ok) onError(r.error);
    await onChanged();
  };
  return (
    <li className="history-row" aria-label={file.name}>
      <div className="upload-head">
        <span className="upload-name">{file.name}</span>
        <span className="upload-size">{formatBytes(file.size)}</span>
        <span className="hint">{new Date(file.lastModified).toLocaleString()}</span>
      </div>
      <div className="actions">
        <button type="button" onClick={() => void link((url) => api().links.open(url))} aria-label={`Download ${file.name}`}>
          Download
        </button>
        <button
          type="button"
          className="secondary"
          aria-label={copied ? `Link copied: ${file.name}` : `Copy link to ${file.name}`}
          onClick={() => void link((url) => api().clipboard.writeText(url)).then((ok) => setCopied(ok === true))}
        >
          {copied ? 'Link copied' : 'Copy link'}
        </button>
        {confirming ? (
          <span role="group" aria-label="Confirm deletion" className="confirm">
            <span>Delete {file.name} from the bucket?</span>
            <button type="button" className="danger" onClick={() => void remove()}>
              Delete file
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" className="secondary" onClick={() => setConfirming(true)} aria-label={`Delete ${file.name}…`}>
            Delete…
          </button>
        )}
      </div>
    </li>
  );
}
