import { useState, type FormEvent } from 'react';
import { DEFAULT_REQUEST_EXPIRY_S, DEFAULT_REQUEST_MAX_FILES, MAX_REQUEST_FILES, parseSize, type FileRequest } from '../../../common/requests';
import type { AppError } from '../../../common/result';
import { api } from '../../api';
import { ExpiryPicker } from '../ExpiryPicker';

interface Props {
  readonly profileId: string;
  readonly onCreated: (request: FileRequest) => void;
  readonly onCancel: () => void;
}

/** A new request: what to ask for, how long the link stays open, and the limits. */
export function RequestForm({ profileId, onCreated, onCancel }: Props) {
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState('');
  const [expires, setExpires] = useState(DEFAULT_REQUEST_EXPIRY_S);
  const [maxFiles, setMaxFiles] = useState(String(DEFAULT_REQUEST_MAX_FILES));
  const [maxSize, setMaxSize] = useState('100 MB');
  const [types, setTypes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError>();
  const size = parseSize(maxSize);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ('error' in size) return;
    setBusy(true);
    const list = types
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const r = await api().requests.create({
      profileId,
      title: title.trim(),
      expiresInSeconds: expires,
      maxFiles: Number(maxFiles),
      maxSize: size.bytes,
      ...(message.trim() ? { message: message.trim() } : {}),
      ...(list.length ? { types: list } : {}),
    });
    setBusy(false);
    if (r.ok) onCreated(r.value);
    else setError(r.error);
  };

  return (
    <form className="card" aria-label="New request" onSubmit={(e) => void submit(e)}>
      <label>
        Title
        <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Invoices for Q4" maxLength={200} />
      </label>
      <label>
        Message to the sender
        <textarea value={message} onChange={(e) => setMessage(e.target.value)} rows={3} maxLength={4000} />
      </label>
      <ExpiryPicker label="Open for" value={expires} onChange={setExpires} />
      <div className="row">
        <label>
          Most files
          <input type="number" min={1} max={MAX_REQUEST_FILES} value={maxFiles} onChange={(e) => setMaxFiles(e.target.value)} />
        </label>
        <label>
          Largest file
          <input value={maxSize} onChange={(e) => setMaxSize(e.target.value)} aria-invalid={'error' in size ? true : undefined} />
        </label>
        <label>
          Allowed types
          <input value={types} onChange={(e) => setTypes(e.target.value)} placeholder="pdf, image/* (empty: any)" />
        </label>
      </div>
      {'error' in size && <p className="error">{size.error}</p>}
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy || 'error' in size}>
          {busy ? 'Creating…' : 'Create request'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
