import { useId, type ReactNode } from 'react';
import { useModal } from '../../hooks';

interface Props {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  /** More on what would happen, below the message (a list of what would be deleted). */
  readonly children?: ReactNode;
  readonly onConfirm: () => void;
  /** Escape, Cancel, or the dialog closing any other way. */
  readonly onCancel: () => void;
}

/** Asks before something that cannot be undone; a modal, so Escape cancels and focus returns where it was. */
export function ConfirmDialog({ title, message, confirmLabel, children, onConfirm, onCancel }: Props) {
  const dialog = useModal();
  const titleId = useId();
  const messageId = useId();
  return (
    <dialog ref={dialog} aria-labelledby={titleId} aria-describedby={messageId} onClose={onCancel}>
      <h2 id={titleId}>{title}</h2>
      <p id={messageId}>{message}</p>
      {children}
      <div className="form-actions">
        {/* Cancel first and focused: Enter on a destructive question should not destroy. */}
        <button type="button" className="secondary" autoFocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
