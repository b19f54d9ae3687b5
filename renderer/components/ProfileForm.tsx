import { useEffect, useRef, type FormEvent } from 'react';
import type { ProfileView } from '../../common/profile';
import { Field } from './profiles/Field';
import { KeyFields } from './profiles/KeyFields';
import { LinkFields } from './profiles/LinkFields';
import { ExpireAfterField } from './profiles/ExpireAfterField';
import { emptyDraft, type Draft } from './profiles/profile-draft';
import { StoreFields } from './profiles/StoreFields';
import { useProfileForm } from './profiles/use-profile-form';

interface Props {
  /** The profile to edit; a new profile when absent. */
  readonly initial?: Draft;
  /** The other profiles: a name may not repeat. */
  readonly others: readonly ProfileView[];
  readonly onSaved: (profile: ProfileView) => void;
  readonly onCancel?: () => void;
}

/**
 * Adds or edits a profile. Save tests the connection first, with the keys as typed, and saves
 * only when it works; each problem shows at its field. The secret goes straight to main, which
 * keeps it in the OS keychain.
 */
export function ProfileForm({ initial = emptyDraft, others, onSaved, onCancel }: Props) {
  const form = useProfileForm(initial, others, onSaved);
  const { draft, errors, general, report, phase } = form;
  const ref = useRef<HTMLFormElement>(null);
  // After a failed check, the first marked field takes focus, so the keyboard lands where the fix goes.
  useEffect(() => {
    if (Object.keys(errors).length > 0) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit();
  };
  const editing = draft.id !== undefined;
  const failed = report !== undefined && !report.ok;
  return (
    <form ref={ref} className="card profile-form" onSubmit={submit} aria-labelledby="profile-form-title" noValidate>
      <h2 id="profile-form-title">{editing ? `Edit “${initial.name}”` : 'Add a storage profile'}</h2>
      <Field label="Name" error={errors.name}>
        {(control) => <input {...control} value={draft.name} onChange={(e) => form.change({ name: e.target.value })} placeholder="Work bucket" />}
      </Field>
      <StoreFields draft={draft} errors={errors} change={form.change} />
      <KeyFields draft={draft} errors={errors} change={form.change} />
      <LinkFields draft={draft} errors={errors} change={form.change} />
      {draft.id !== undefined && <ExpireAfterField profileId={draft.id} />}
      <div aria-live="polite" className="connection">
        {phase === 'testing' && <p>Testing the connection…</p>}
        {general && (
          <p role="alert" className="error">
            {general.message}
          </p>
        )}
        {failed && !general && Object.keys(errors).length > 0 && <p className="error">The connection test failed: see the marked field.</p>}
        {report?.ok && <p className="ok">Connected: {report.passed.join(', ')} work.</p>}
        {report?.warnings.map((w) => (
          <p key={w} className="warning">
            {w}
          </p>
        ))}
      </div>
      <div className="form-actions">
        <button type="submit" disabled={phase !== 'idle'}>
          {phase === 'saving' ? 'Saving…' : phase === 'testing' ? 'Testing…' : 'Save profile'}
        </button>
        <button type="button" className="secondary" disabled={phase !== 'idle'} onClick={() => void form.test()}>
          Test connection
        </button>
        {failed && (
          <button type="button" className="danger" disabled={phase !== 'idle'} onClick={() => void form.saveAnyway()}>
            Save without a working connection
          </button>
        )}
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
