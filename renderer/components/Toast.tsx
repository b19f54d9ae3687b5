/**
 * A short message that something happened ("3 links copied"). The live region is always in the
 * page, so screen readers hear each new message; the status inside it exists only while there
 * is something to say.
 */
export function Toast({ message }: { readonly message: string | undefined }) {
  return (
    <div className="toast-region" aria-live="polite">
      {message && (
        <div className="toast" role="status">
          {message}
        </div>
      )}
    </div>
  );
}
