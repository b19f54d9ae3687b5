import { useState } from 'react';
import type { LinkRecord } from '../../../common/links';
import type { AppError, Result } from '../../../common/result';
import { api } from '../../api';
import { ExpiryPicker } from '../ExpiryPicker';

/** Which of a row's actions is open: a new link's expiry, or the deletion's confirmation. */
export type RowAction = 'renew' | 'delete' | undefined;

/** "New link…" and "Delete…": they open their panel below the row. */
export function RowButtons({ link, onOpen }: { readonly link: LinkRecord; readonly onOpen: (action: RowAction) => void }) {
  return (
    <>
      <button type="button" className="secondary" onClick={() => onOpen('renew')} aria-label={`New link to ${link.name}`}>
        New link…
      </button>
      <button type="button" className="secondary" onClick={() => onOpen('delete')} aria-label={`Delete ${link.name}…`}>
        Delete…
      </button>
    </>
  );
}

interface PanelProps {
  readonly action: 'renew' | 'delete';
  readonly link: LinkRecord;
  readonly defaultExpiry: number;
  readonly onClose: () => void;
  readonly onChanged: () => void;
  readonly onError: (e: AppError) => void;
}

/** A new link in place (with a one-off expiry), or the confirmation that deleting ends every link to the file. */
export function RowPanel({ action, link, defaultExpiry, onClose, onChanged, onError }: PanelProps) {
  // A one-off choice for this link: the profile's default is not changed by it.
  const [expiry, setExpiry] = useState(defaultExpiry);
  const run = async (call: Promise<Result<unknown>>) => {
    const r = await call;
    if (!r.ok) onError(r.error);
    onClose();
    onChanged();
  };
  if (action === 'renew')
    return (
      <div className="actions history-panel">
        <ExpiryPicker label="New link expires after" value={expiry} onChange={setExpiry} />
        <button type="button" onClick={() => void run(api().links.renew(link.id, expiry))}>
          Make link
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    );
  return (
    <div role="group" aria-label="Confirm deletion" className="confirm history-panel">
      <span>Delete {link.name} from the bucket? Every link to it stops working.</span>
      <button type="button" className="danger" onClick={() => void run(api().links.deleteObject(link.id))}>
        Delete object
      </button>
      <button type="button" className="secondary" onClick={onClose}>
        Keep
      </button>
    </div>
  );
}
