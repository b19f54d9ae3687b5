import { useState } from 'react';
import type { BulkOutcome } from '../../../common/links';
import type { AppError, Result } from '../../../common/result';
import { api } from '../../api';
import { ExpiryPicker } from '../ExpiryPicker';
import { copySelected, shareSelected } from './bulk-copy';

interface Props {
  readonly ids: ReadonlySet<string>;
  /** The lifetime "New links" starts from: the selected profile's default. */
  readonly defaultExpiry: number;
  /** After links changed: the rows are asked for again. */
  readonly onChanged: () => void;
  readonly onClear: () => void;
  readonly onError: (e: AppError) => void;
}

const links = (n: number): string => `${n.toLocaleString()} ${n === 1 ? 'link' : 'links'}`;

/** "3 new links made", and what failed, in words. */
function outcomeMessage(verb: string, outcome: BulkOutcome): string {
  const said = `${links(outcome.done)} ${verb}`;
  if (outcome.failed.length === 0) return said;
  const first = outcome.failed[0]!;
  return `${said}; ${outcome.failed.length.toLocaleString()} could not be: ${first.name}: ${first.message}`;
}

/** What to do with the chosen links: new links for all, copy all, one share page, delete all (after one confirmation). */
export function BulkBar({ ids, defaultExpiry, onChanged, onClear, onError }: Props) {
  const [mode, setMode] = useState<'idle' | 'renew' | 'confirm-delete'>('idle');
  const [expiry, setExpiry] = useState(defaultExpiry);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string>();
  const chosen = [...ids];

  const act = async (work: () => Promise<Result<string>>) => {
    setBusy(true);
    const r = await work();
    setBusy(false);
    setMode('idle');
    if (r.ok) setStatus(r.value);
    else onError(r.error);
    onChanged();
  };
  const bulk = (call: Promise<Result<BulkOutcome>>, verb: string) => async (): Promise<Result<string>> => {
    const r = await call;
    return r.ok ? { ok: true, value: outcomeMessage(verb, r.value) } : r;
  };

  return (
    <div className="bulk-bar" role="group" aria-label="Selected links" aria-busy={busy}>
      <span>{links(chosen.length)} selected</span>
      {mode === 'renew' ? (
        <>
          <ExpiryPicker label="New links expire after" value={expiry} onChange={setExpiry} />
          <button type="button" disabled={busy} onClick={() => void act(bulk(api().links.renewMany(chosen, expiry), 'renewed'))}>
            Make {links(chosen.length)}
          </button>
          <button type="button" className="secondary" onClick={() => setMode('idle')}>
            Cancel
          </button>
        </>
      ) : mode === 'confirm-delete' ? (
        <span role="group" aria-label="Confirm deleting the selected files" className="confirm">
          <span>
            Delete the files behind {links(chosen.length)} from the bucket? Every link to those files stops working, including links not selected; this cannot
            be undone.
          </span>
          <button type="button" className="danger" disabled={busy} onClick={() => void act(bulk(api().links.deleteMany(chosen), 'deleted'))}>
            Delete files
          </button>
          <button type="button" className="secondary" onClick={() => setMode('idle')}>
            Keep
          </button>
        </span>
      ) : (
        <>
          <button type="button" onClick={() => setMode('renew')}>
            New links…
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => void act(() => copySelected(chosen))}>
            Copy all
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => void act(() => shareSelected(chosen))}>
            Share page
          </button>
          <button type="button" className="secondary" onClick={() => setMode('confirm-delete')}>
            Delete all…
          </button>
          <button type="button" className="secondary" onClick={onClear}>
            Clear selection
          </button>
        </>
      )}
      {status && (
        <span role="status" className="hint">
          {status}
        </span>
      )}
    </div>
  );
}
