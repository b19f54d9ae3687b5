import { PROVIDER_PRESETS, typesEndpoint } from '../../../common/providers';
import { Field } from './Field';
import { withProvider, type Draft, type FieldErrors } from './profile-draft';

interface Props {
  readonly draft: Draft;
  readonly errors: FieldErrors;
  readonly change: (patch: Partial<Draft>) => void;
}

/** Where the bucket is: the provider, then only what that provider needs (R2's account id, B2's and Wasabi's region list). */
export function StoreFields({ draft, errors, change }: Props) {
  const preset = PROVIDER_PRESETS.find((p) => p.id === draft.provider) ?? PROVIDER_PRESETS[0]!;
  return (
    <fieldset>
      <legend>Storage</legend>
      <Field label="Provider" hint={preset.hint}>
        {(control) => (
          <select {...control} value={preset.id} onChange={(e) => change(withProvider(draft, e.target.value))}>
            {PROVIDER_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {preset.needsAccount && (
        <Field label="Cloudflare account id" error={errors.account}>
          {(control) => <input {...control} value={draft.account} onChange={(e) => change({ account: e.target.value })} autoComplete="off" />}
        </Field>
      )}
      {typesEndpoint(preset) ? (
        <Field label="Endpoint" error={errors.endpoint}>
          {(control) => (
            <input
              {...control}
              value={draft.endpoint}
              onChange={(e) => change({ endpoint: e.target.value })}
              placeholder={preset.endpoint === '' ? 'Empty for AWS' : 'https://s3.example.com'}
            />
          )}
        </Field>
      ) : (
        // The endpoint is built from the fields above; a problem with it still shows where the user looks.
        errors.endpoint && <p className="error field-error">{errors.endpoint}</p>
      )}
      <div className="row">
        {preset.id !== 'r2' && (
          <Field label="Region" error={errors.region}>
            {(control) =>
              preset.regions ? (
                <select {...control} value={draft.region} onChange={(e) => change({ region: e.target.value })}>
                  {preset.regions.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
              ) : (
                <input {...control} value={draft.region} onChange={(e) => change({ region: e.target.value })} />
              )
            }
          </Field>
        )}
        <Field label="Bucket" error={errors.bucket}>
          {(control) => <input {...control} value={draft.bucket} onChange={(e) => change({ bucket: e.target.value })} />}
        </Field>
      </div>
      {typesEndpoint(preset) && (
        <label className="check">
          <input type="checkbox" checked={draft.pathStyle} onChange={(e) => change({ pathStyle: e.target.checked })} />
          Path-style URLs (MinIO, Ceph)
        </label>
      )}
    </fieldset>
  );
}
