/**
 * A short message that something happened ("3 links copied"). The live region is always in the
 * page, so screen readers hear each new message; it is empty and invisible between messages.
 */
export function Toast({ message }: { readonly message: string | undefined }) {
  return (
    <div className={message ? 'toast toast-shown' : 'toast'} role="status" aria-live="polite">
      {message}
    </div>
  );
}
