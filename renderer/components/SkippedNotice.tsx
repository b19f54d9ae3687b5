interface Props {
  readonly messages: readonly string[];
  readonly onDismiss: () => void;
}

/** What the last drop had to leave out, said until dismissed: the first five reasons. */
export function SkippedNotice({ messages, onDismiss }: Props) {
  if (messages.length === 0) return null;
  return (
    <div role="alert" className="warning">
      <p>{messages.length === 1 ? 'One item was' : `${messages.length} items were`} left out:</p>
      <ul>
        {messages.slice(0, 5).map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
