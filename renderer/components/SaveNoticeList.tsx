import type { SaveNotices } from '../state/use-save-notices';

/**
 * The data folder's trouble, in main's words (the path and the reason): a save that fails is an
 * alert that stays while it fails; its recovery, and a file set right when read, is a status the
 * user dismisses.
 */
export function SaveNoticeList({ notices, dismiss }: SaveNotices) {
  if (notices.length === 0) return null;
  return (
    <div className="save-notices">
      {notices.map((n) =>
        n.state === 'failing' ? (
          <p key={n.file} role="alert" className="warning">
            {n.message}
          </p>
        ) : (
          <div key={n.file} role="status" className="hint">
            <p>{n.message}</p>
            <button type="button" className="secondary" onClick={() => dismiss(n.file)}>
              Dismiss
            </button>
          </div>
        ),
      )}
    </div>
  );
}
