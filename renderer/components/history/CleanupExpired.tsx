import { useState } from 'react';
import { formatBytes } from '../../../common/format-bytes';
import type { CleanupObjects, CleanupResult } from '../../../common/lifecycle';
import type { AppError } from '../../../common/result';
import { api } from '../../api';
import { ConfirmDialog } from '../profiles/ConfirmDialog';
import { cleanupMessage, files } from './cleanup-message';

/** Keys named in the confirmation; the rest are counted, so 10,000 expired files still fit a dialog. */
const KEYS_SHOWN = 5;

interface Props {
  /** After files were deleted: the rows are asked for again (their links show as deleted). */
  readonly onChanged: () => void;
  readonly onError: (e: AppError) => void;
}

/**
 * "Clean up expired…": counts what would go (a dry run in main), asks with the count and bytes,
 * then deletes the objects whose every link expired and says what happened, failures included.
 */
export function CleanupExpired({ onChanged, onError }: Props) {
  const [planned, setPlanned] = useState<CleanupResult>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string>();

  // The real run gets the objects the confirmation showed: one that expired since is not deleted unasked.
  const run = async (dryRun: boolean, confirmed?: CleanupObjects) => {
    setBusy(true);
    setStatus(undefined);
    const r = await api().links.cleanupExpired(dryRun, confirmed);
    setBusy(false);
    if (!r.ok) return onError(r.error);
    if (!dryRun) {
      setStatus(cleanupMessage(r.value));
      onChanged();
    } else if (r.value.count === 0) setStatus('Nothing to clean up: every file in the history has a link that still works, or is deleted already.');
    else setPlanned(r.value);
  };
  const confirm = () => {
    setPlanned(undefined);
    void run(
      false,
      planned?.objects.map(({ bucket, key }) => ({ bucket, key })),
    );
  };

  const more = planned ? planned.keys.length - KEYS_SHOWN : 0;
  return (
    <>
      <button type="button" className="secondary" disabled={busy} onClick={() => void run(true)}>
        {busy ? 'Cleaning up…' : 'Clean up expired…'}
      </button>
      {status && (
        <span role="status" className="hint">
          {status}
        </span>
      )}
      {planned && (
        <ConfirmDialog
          title="Delete expired files?"
          message={`${files(planned.count)}, ${formatBytes(planned.bytes)}, will be deleted from the bucket: every link to them has expired. This cannot be undone.`}
          confirmLabel={`Delete ${files(planned.count)}`}
          onConfirm={confirm}
          onCancel={() => setPlanned(undefined)}
        >
          <ul className="cleanup-keys" aria-label="Files to delete">
            {planned.keys.slice(0, KEYS_SHOWN).map((key) => (
              <li key={key}>{key}</li>
            ))}
            {more > 0 && <li>and {more.toLocaleString()} more</li>}
          </ul>
        </ConfirmDialog>
      )}
    </>
  );
}
