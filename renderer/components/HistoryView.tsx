import { useCallback, useEffect, useState } from 'react';
import { isExpired, timeLeft, type LinkRecord } from '../../common/links';
import type { ProfileView } from '../../common/profile';
import type { AppError } from '../../common/result';
import { api } from '../api';
import { formatBytes } from '../format';
import { useNow } from '../hooks';
import { ExpiryPicker } from './ExpiryPicker';
import { LinkTools } from './LinkTools';

interface Props {
  /** A new link starts from the default expiry of the profile that made the old one. */
  readonly profiles: readonly ProfileView[];
  /** Whose default a link of a removed profile starts from. */
  readonly selected: ProfileView;
}

/** Every link made: searchable, counting down, renewable, and revocable by deleting the object. */
export function HistoryView({ profiles, selected }: Props) {
  const [links, setLinks] = useState<LinkRecord[]>([]);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<AppError>();
  const now = useNow();

  const reload = useCallback(async () => {
    const r = await api().links.list();
    if (r.ok) setLinks(r.value);
    else setError(r.error);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const q = query.trim().toLowerCase();
  const shown = q ? links.filter((l) => l.name.toLowerCase().includes(q) || l.key.toLowerCase().includes(q)) : links;

  return (
    <section aria-labelledby="history-title">
      <div className="history-bar">
        <h2 id="history-title">Link history</h2>
        <label className="inline">
          Search
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="File name or key" />
        </label>
      </div>
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      {shown.length === 0 && <p className="hint">{links.length === 0 ? 'Links you make appear here.' : 'No link matches.'}</p>}
      <ul className="history" aria-label="Links">
        {shown.map((link) => (
          <HistoryRow
            key={link.id}
            link={link}
            now={now}
            defaultExpiry={(profiles.find((p) => p.id === link.profileId) ?? selected).defaultExpirySeconds}
            onChanged={reload}
            onError={setError}
          />
        ))}
      </ul>
    </section>
  );
}

interface RowProps {
  readonly link: LinkRecord;
  readonly now: Date;
  readonly defaultExpiry: number;
  readonly onChanged: () => Promise<void>;
  readonly onError: (e: AppError) => void;
}

function HistoryRow({ link, now, defaultExpiry, onChanged, onError }: RowProps) {
  const [renewing, setRenewing] = useState(false);
  // A one-off choice for this link: the profile's default is not changed by it.
  const [expiry, setExpiry] = useState(defaultExpiry);
  const [confirming, setConfirming] = useState(false);
  const expired = isExpired(link, now);
  const status = link.deletedAt ? 'Deleted' : expired ? 'Expired' : `Expires in ${timeLeft(link, now)}`;

  const run = async (call: Promise<{ ok: boolean; error?: AppError }>) => {
    const r = await call;
    if (!r.ok && r.error) onError(r.error);
    await onChanged();
  };

  return (
    <li className={`history-row${expired || link.deletedAt ? ' history-dead' : ''}`} aria-label={`${link.name}, ${status}`}>
      <div className="upload-head">
        <span className="upload-name">{link.name}</span>
        <span className="upload-size">{formatBytes(link.size)}</span>
        <span className={`badge${expired || link.deletedAt ? ' badge-dead' : ''}`}>{status}</span>
      </div>
      <div className="hint">
        {link.bucket}/{link.key} · made {new Date(link.createdAt).toLocaleString()} · until {new Date(link.expiresAt).toLocaleString()}
      </div>
      {!expired && !link.deletedAt && <LinkTools url={link.url} name={link.name} downloadName={link.name} />}
      {!link.deletedAt && (
        <div className="actions">
          {renewing ? (
            <>
              <ExpiryPicker label="New link expires after" value={expiry} onChange={setExpiry} />
              <button type="button" onClick={() => run(api().links.renew(link.id, expiry)).then(() => setRenewing(false))}>
                Make link
              </button>
              <button type="button" className="secondary" onClick={() => setRenewing(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button type="button" className="secondary" onClick={() => setRenewing(true)} aria-label={`New link to ${link.name}`}>
              New link…
            </button>
          )}
          {confirming ? (
            <span role="group" aria-label="Confirm deletion" className="confirm">
              <span>Delete {link.name} from the bucket? Every link to it stops working.</span>
              <button type="button" className="danger" onClick={() => run(api().links.deleteObject(link.id))}>
                Delete object
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button type="button" className="secondary" onClick={() => setConfirming(true)} aria-label={`Delete ${link.name}…`}>
              Delete…
            </button>
          )}
        </div>
      )}
    </li>
  );
}
