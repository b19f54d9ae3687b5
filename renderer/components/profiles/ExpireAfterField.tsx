import { useEffect, useState, type KeyboardEvent } from 'react';
import { MAX_EXPIRE_AFTER_DAYS, type ExpireAfterResult } from '../../../common/lifecycle';
import { api } from '../../api';
import { Field } from './Field';

/** What the days field starts from when the rule is off: a month outlives any link (7 days at most). */
const SUGGESTED_DAYS = 30;

interface Props {
  /** A saved profile: the rule belongs to its bucket and the folder of its saved key template. */
  readonly profileId: string;
}

/** What the store now does, in words. */
function appliedMessage(r: ExpireAfterResult): string {
  const where = r.prefix ? `under “${r.prefix}”` : 'in the bucket';
  const kept =
    r.otherRules === 0 ? '' : r.otherRules === 1 ? " The bucket's other rule stays as it was." : ` The bucket's ${r.otherRules} other rules stay as they were.`;
  if (r.days === null) return `Rule removed: uploads ${where} stay until deleted.${kept}`;
  return `Uploads ${where} are deleted ${r.days} ${r.days === 1 ? 'day' : 'days'} after upload; parts of unfinished uploads after a day.${kept}`;
}

const invalidDays = (days: string): string | undefined => {
  const n = Number(days);
  return Number.isInteger(n) && n >= 1 && n <= MAX_EXPIRE_AFTER_DAYS ? undefined : `Whole days, from 1 to ${MAX_EXPIRE_AFTER_DAYS}.`;
};

/**
 * "Delete uploads N days after upload": the bucket's lifecycle rule for this profile, read when
 * shown and written with its own button (it changes the bucket at once, not the saved profile).
 * What a store that refuses lifecycle rules says is shown at the field.
 */
export function ExpireAfterField({ profileId }: Props) {
  const [on, setOn] = useState(false);
  const [days, setDays] = useState(String(SUGGESTED_DAYS));
  const [busy, setBusy] = useState<'reading' | 'applying' | undefined>('reading');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();

  useEffect(() => {
    let shown = true;
    void api()
      .profiles.expireAfterDays(profileId)
      .then((r) => {
        if (!shown) return;
        setBusy(undefined);
        if (!r.ok) return setError(r.error.message);
        // A store without lifecycle rules says so in words, at the field.
        if (!r.value.supported) return setError(r.value.refusal);
        setOn(r.value.days !== null);
        if (r.value.days !== null) setDays(String(r.value.days));
      });
    return () => {
      shown = false;
    };
  }, [profileId]);

  const problem = on ? invalidDays(days) : undefined;
  const apply = async () => {
    if (problem) return;
    setBusy('applying');
    setStatus(undefined);
    const r = await api().profiles.setExpireAfter(profileId, on ? Number(days) : null);
    setBusy(undefined);
    setError(r.ok ? undefined : r.error.message);
    if (r.ok) setStatus(appliedMessage(r.value));
  };
  // Enter in the days field applies the rule, not the profile form around it.
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void apply();
  };

  return (
    <fieldset aria-busy={busy !== undefined}>
      <legend>Files in the bucket</legend>
      <label className="check">
        <input type="checkbox" checked={on} disabled={busy === 'reading'} onChange={(e) => setOn(e.target.checked)} />
        Delete uploads automatically
      </label>
      <Field
        label="Days after upload"
        error={problem ?? error}
        hint="A lifecycle rule on the bucket for this profile's folder: the store deletes the files itself, even while this computer is off. Applied at once, apart from Save."
      >
        {(control) => (
          <input
            {...control}
            type="number"
            min={1}
            max={MAX_EXPIRE_AFTER_DAYS}
            value={days}
            disabled={!on}
            onChange={(e) => setDays(e.target.value)}
            onKeyDown={onKey}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="button" className="secondary" disabled={busy !== undefined || problem !== undefined} onClick={() => void apply()}>
          {busy === 'applying' ? 'Applying…' : busy === 'reading' ? 'Reading the bucket’s rules…' : 'Apply to bucket'}
        </button>
        <span role="status" className="hint">
          {status}
        </span>
      </div>
    </fieldset>
  );
}
