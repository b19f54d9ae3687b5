import { useEffect, useId, useRef } from 'react';
import { keyLabel, LIST_KEYS, SHORTCUTS, type Shortcut } from './shortcuts';

interface Props {
  /** Escape, Close, or the dialog closing any other way. */
  readonly onClose: () => void;
}

const Row = ({ shortcut }: { shortcut: Shortcut }) => (
  <tr>
    <th scope="row">
      <kbd>{keyLabel(shortcut.combo)}</kbd>
    </th>
    <td>{shortcut.does}</td>
  </tr>
);

/** The "Keyboard shortcuts" panel (Ctrl/Cmd+/): every key the window answers, as this OS writes it. */
export function ShortcutsDialog({ onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    // A modal: focus stays inside, Escape closes it, and focus goes back where it was.
    const opener = document.activeElement as HTMLElement | null;
    const d = dialog.current;
    d?.showModal();
    return () => {
      if (d?.open) d.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog ref={dialog} className="shortcuts-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>Keyboard shortcuts</h2>
      <table>
        <tbody>
          {[...Object.values(SHORTCUTS), ...LIST_KEYS].map((s) => (
            <Row key={s.combo} shortcut={s} />
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="secondary" autoFocus onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
