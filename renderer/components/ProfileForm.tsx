import { useState, type FormEvent } from 'react';
import type { ProfileInput, ProfileView } from '../../common/profile';
import { PROVIDER_PRESETS } from '../../common/providers';
import type { AppError } from '../../common/result';
import { api } from '../api';

type Preset = (typeof PROVIDER_PRESETS)[number];

/** The provider list: choosing one fills in the endpoint, region and addressing it needs. */
function ProviderSelect({ value, onChange }: { readonly value: string; readonly onChange: (preset: Preset) => void }) {
  return (
    <label>
      Provider
      <select value={value} onChange={(e) => onChange(PROVIDER_PRESETS.find((p) => p.id === e.target.value)!)}>
        {PROVIDER_PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
    </label>
  );
}

interface Props {
  readonly onSaved: (profile: ProfileView) => void;
}

const empty = { name: '', endpoint: '', region: 'us-east-1', bucket: '', pathStyle: false, accessKeyId: '', secretAccessKey: '' };

/** Adds a profile. The secret goes straight to main, which puts it in the OS keychain. */
export function ProfileForm({ onSaved }: Props) {
  const [fields, setFields] = useState(empty);
  const [error, setError] = useState<AppError>();
  const [saving, setSaving] = useState(false);
  const [provider, setProvider] = useState('aws');
  const preset = PROVIDER_PRESETS.find((p) => p.id === provider);

  const set = <K extends keyof typeof empty>(key: K, value: (typeof empty)[K]) => setFields((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const input: ProfileInput = { ...fields };
    const result = await api().profiles.save(input);
    setSaving(false);
    if (result.ok) {
      setFields(empty);
      setError(undefined);
      onSaved(result.value);
    } else {
      setError(result.error); // the form keeps what was typed
    }
  }

  return (
    <form className="card profile-form" onSubmit={submit} aria-labelledby="profile-form-title">
      <h2 id="profile-form-title">Add a storage profile</h2>
      <ProviderSelect
        value={provider}
        onChange={(next) => {
          setProvider(next.id);
          setFields((f) => ({ ...f, endpoint: next.endpoint, region: next.region, pathStyle: next.pathStyle }));
        }}
      />
      {preset && <p className="hint">{preset.hint}</p>}
      <label>
        Name
        <input required value={fields.name} onChange={(e) => set('name', e.target.value)} placeholder="Work bucket" />
      </label>
      <label>
        Endpoint
        <input value={fields.endpoint} onChange={(e) => set('endpoint', e.target.value)} placeholder="Empty for AWS, or https://…" />
      </label>
      <div className="row">
        <label>
          Region
          <input value={fields.region} onChange={(e) => set('region', e.target.value)} />
        </label>
        <label>
          Bucket
          <input required value={fields.bucket} onChange={(e) => set('bucket', e.target.value)} />
        </label>
      </div>
      <label className="check">
        <input type="checkbox" checked={fields.pathStyle} onChange={(e) => set('pathStyle', e.target.checked)} />
        Path-style URLs (MinIO, Ceph)
      </label>
      <label>
        Access key id
        <input required autoComplete="off" value={fields.accessKeyId} onChange={(e) => set('accessKeyId', e.target.value)} />
      </label>
      <label>
        Secret access key
        <input required type="password" autoComplete="off" value={fields.secretAccessKey} onChange={(e) => set('secretAccessKey', e.target.value)} />
      </label>
      <p className="hint">The secret is kept in your system keychain, never in a file.</p>
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      <button type="submit" disabled={saving}>
        {saving ? 'Saving…' : 'Save profile'}
      </button>
    </form>
  );
}
