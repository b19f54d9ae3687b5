import { Field } from './Field';
import type { Draft, FieldErrors, KeySource } from './profile-draft';

interface Props {
  readonly draft: Draft;
  readonly errors: FieldErrors;
  readonly change: (patch: Partial<Draft>) => void;
}

const SOURCES: readonly { value: KeySource; label: string }[] = [
  { value: 'keychain', label: 'Access keys, kept in the system keychain' },
  { value: 'aws-profile', label: 'A profile from ~/.aws (SSO, roles, keys)' },
];

/** Where the keys come from: a key pair whose secret goes to the keychain, or a named ~/.aws profile read on use. */
export function KeyFields({ draft, errors, change }: Props) {
  return (
    <fieldset>
      <legend>Keys</legend>
      <div role="radiogroup" aria-label="Where the keys come from">
        {SOURCES.map((s) => (
          <label key={s.value} className="check">
            <input type="radio" name="key-source" value={s.value} checked={draft.source === s.value} onChange={() => change({ source: s.value })} />
            {s.label}
          </label>
        ))}
      </div>
      {draft.source === 'keychain' ? (
        <>
          <Field label="Access key id" error={errors.accessKeyId}>
            {(control) => <input {...control} autoComplete="off" value={draft.accessKeyId} onChange={(e) => change({ accessKeyId: e.target.value })} />}
          </Field>
          <Field
            label="Secret access key"
            error={errors.secretAccessKey}
            hint={draft.id ? 'Leave empty to keep the secret already in your keychain.' : 'Kept in your system keychain, never in a file.'}
          >
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="off"
                value={draft.secretAccessKey}
                onChange={(e) => change({ secretAccessKey: e.target.value })}
              />
            )}
          </Field>
        </>
      ) : (
        <Field
          label="AWS profile"
          error={errors.awsProfile}
          hint="As named in ~/.aws/config or ~/.aws/credentials. SSO and assumed-role keys are temporary: links signed with them stop working when the keys expire (at most the session's length)."
        >
          {(control) => (
            <input {...control} autoComplete="off" value={draft.awsProfile} onChange={(e) => change({ awsProfile: e.target.value })} placeholder="default" />
          )}
        </Field>
      )}
    </fieldset>
  );
}
