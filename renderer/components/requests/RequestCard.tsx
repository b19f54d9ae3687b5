import { useState } from 'react';
import { shortDuration } from '../../../common/expiry';
import { isRequestOpen, type FileRequest } from '../../../common/requests';
import type { AppError } from '../../../common/result';
import { api } from '../../api';
import { formatBytes } from '../../format';
import { ExpiryPicker } from '../ExpiryPicker';
import { LinkTools } from '../LinkTools';
import { ArrivedFiles } from './ArrivedFiles';

interface Props {
  readonly request: FileRequest;
  readonly now: Date;
  readonly version: number;
  readonly onChanged: () => Promise<void>;
  readonly onError: (error: AppError) => void;
}

function status(request: FileRequest, now: Date): string {
  if (request.closedAt) return 'Closed';
  if (!isRequestOpen(request, now)) return 'Expired';
  return `Open for ${shortDuration((Date.parse(request.expiresAt) - now.getTime()) / 1000)}`;
}

/** One request: its link to hand out (Copy, QR), its limits, what arrived, Close and Extend. */
export function RequestCard({ request, now, version, onChanged, onError }: Props) {
  const open = isRequestOpen(request, now);
  const name = request.title || 'Untitled request';
  const run = async (call: Promise<{ ok: boolean; error?: AppError }>) => {
    const r = await call;
    if (!r.ok && r.error) onError(r.error);
    await onChanged();
  };
  const kinds = request.types.length ? ` · only ${request.types.join(', ')}` : '';
  return (
    <li className="history-row" aria-label={`${name}, ${status(request, now)}`}>
      <div className="upload-head">
        <h3 className="upload-name">{name}</h3>
        <span className={`badge${open ? '' : ' badge-dead'}`}>{status(request, now)}</span>
      </div>
      <p className="hint">
        {request.bucket}/{request.prefix} · up to {request.maxFiles} files of at most {formatBytes(request.maxSize)} each{kinds}
      </p>
      {request.mode === 'put' && (
        <p className="warning">
          This store takes no form uploads, so the page uploads with PUT: the size limit is advisory here (the page checks it; the store cannot).
        </p>
      )}
      {request.warning && <p className="warning">{request.warning}</p>}
      {open && <LinkTools url={request.url} name={name} />}
      <ArrivedFiles request={request} version={version} onError={onError} />
      <RequestActions request={request} open={open} name={name} run={run} />
    </li>
  );
}

interface ActionProps {
  readonly request: FileRequest;
  readonly open: boolean;
  readonly name: string;
  readonly run: (call: Promise<{ ok: boolean; error?: AppError }>) => Promise<void>;
}

function RequestActions({ request, open, name, run }: ActionProps) {
  const [extending, setExtending] = useState(false);
  const [closing, setClosing] = useState(false);
  const [expiry, setExpiry] = useState(86_400);
  return (
    <div className="actions">
      {extending ? (
        <>
          <ExpiryPicker label="New link open for" value={expiry} onChange={setExpiry} />
          <button type="button" onClick={() => void run(api().requests.extend(request.id, expiry)).then(() => setExtending(false))}>
            Make new link
          </button>
          <button type="button" className="secondary" onClick={() => setExtending(false)}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" className="secondary" onClick={() => setExtending(true)} aria-label={`Extend ${name}…`}>
          Extend…
        </button>
      )}
      {open &&
        (closing ? (
          <span role="group" aria-label="Confirm closing" className="confirm">
            <span>Close this request? Its link stops working; the files stay.</span>
            <button type="button" className="danger" onClick={() => void run(api().requests.close(request.id))}>
              Close request
            </button>
            <button type="button" className="secondary" onClick={() => setClosing(false)}>
              Keep open
            </button>
          </span>
        ) : (
          <button type="button" className="secondary" onClick={() => setClosing(true)} aria-label={`Close ${name}…`}>
            Close…
          </button>
        ))}
    </div>
  );
}
