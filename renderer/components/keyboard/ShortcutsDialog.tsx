import { useId } from 'react';
import { keyLabel, LIST_KEYS, SHORTCUTS, type Shortcut } from './shortcuts';
import { useModal } from '../../hooks';

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
  const dialog = useModal();
  const titleId = useId();
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
