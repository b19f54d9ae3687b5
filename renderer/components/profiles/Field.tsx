import { useId, type ReactNode } from 'react';

interface Props {
  readonly label: string;
  /** Words under the input saying what is wrong; the input is marked invalid while there are some. */
  readonly error?: string | undefined;
  readonly hint?: ReactNode;
  /** Renders the control with the ids it must carry, so the label, the hint and the error belong to it. */
  readonly children: (control: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}

/**
 * One labelled form control with its hint and its error beside it: the error is what a screen
 * reader reads with the field (aria-describedby) and what marks it (aria-invalid).
 */
export function Field({ label, error, hint, children }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="error field-error">
          {error}
        </p>
      )}
    </div>
  );
}
