import { useState } from 'react';
import type { LinkRecord } from '../../../common/links';
import type { AppError, Result } from '../../../common/result';
import { api } from '../../api';
import { ExpiryPicker } from '../ExpiryPicker';

interface Props {
  readonly link: LinkRecord;
  readonly defaultExpiry: number;
  readonly onChanged: () => void;
  readonly onError: (e: AppError) => void;
}

/** "New link…" (in place, with a one-off expiry) and "Delete…" (after a confirmation) for one link. */
export function RowActions({ link, defaultExpiry, onChanged, onError }: Props) {
  const [renewing, setRenewing] = useState(false);
  // A one-off choice for this link: the profile's default is not changed by it.
  const [expiry, setExpiry] = useState(defaultExpiry);
  const [confirming, setConfirming] = useState(false);

  const run = async (call: Promise<Result<unknown>>) => {
    const r = await call;
    if (!r.ok) onError(r.error);
    onChanged();
  };

  return (
    <div className="actions">
      {renewing ? (
        <>
          <ExpiryPicker label="New link expires after" value={expiry} onChange={setExpiry} />
          <button type="button" onClick={() => void run(api().links.renew(link.id, expiry)).then(() => setRenewing(false))}>
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
          <button type="button" className="danger" onClick={() => void run(api().links.deleteObject(link.id))}>
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
  );
}
