import { useState } from 'react';
import type { ProfileView } from '../../../common/profile';
import type { AppError } from '../../../common/result';
import { api } from '../../api';
import type { Profiles } from '../../state/use-profiles';
import { ProfileForm } from '../ProfileForm';
import { ConfirmDialog } from '../profiles/ConfirmDialog';
import { draftOf, type Draft } from '../profiles/profile-draft';

interface Props {
  readonly profiles: Profiles;
  readonly defaultId: string;
  readonly onDefault: (id: string) => void;
}

const where = (p: ProfileView) => `${p.bucket} · ${p.endpoint ? new URL(p.endpoint).host : 'Amazon S3'}`;

interface RowProps {
  readonly profile: ProfileView;
  readonly isDefault: boolean;
  readonly onDefault: () => void;
  readonly onEdit: () => void;
  readonly onDuplicate: () => void;
  readonly onRemove: () => void;
}

/**
 * One profile: where it points, and its actions, each named with the profile for screen readers.
 * Each name holds the button's own words, in order, so speech input reaches it by what it shows.
 */
function ProfileRow({ profile: p, isDefault, onDefault, onEdit, onDuplicate, onRemove }: RowProps) {
  return (
    <li aria-label={p.name}>
      <span className="profile-name">
        <strong>{p.name}</strong>
        {isDefault && ' (default)'}
        <br />
        <span className="hint">{where(p)}</span>
      </span>
      {!isDefault && (
        <button type="button" className="secondary" onClick={onDefault} aria-label={`Make default: ${p.name}`}>
          Make default
        </button>
      )}
      <button type="button" className="secondary" onClick={onEdit} aria-label={`Edit ${p.name}`}>
        Edit
      </button>
      <button type="button" className="secondary" onClick={onDuplicate} aria-label={`Duplicate ${p.name}`}>
        Duplicate
      </button>
      <button type="button" className="danger" onClick={onRemove} aria-label={`Remove ${p.name}`}>
        Remove
      </button>
    </li>
  );
}

/** Every profile with what can be done to it: edit, duplicate, remove (after asking), make it the default; and adding one. */
export function ProfileList({ profiles, defaultId, onDefault }: Props) {
  const [editing, setEditing] = useState<Draft | 'new'>();
  const [removing, setRemoving] = useState<ProfileView>();
  const [error, setError] = useState<AppError>();
  const list = profiles.list ?? [];
  const effectiveDefault = list.find((p) => p.id === defaultId)?.id ?? list[0]?.id;

  if (editing) {
    const initial = editing === 'new' ? undefined : editing;
    return (
      <ProfileForm
        {...(initial ? { initial } : {})}
        others={list}
        onCancel={() => setEditing(undefined)}
        onSaved={(profile) => {
          if (editing === 'new') profiles.added(profile);
          else profiles.updated(profile);
          setEditing(undefined);
        }}
      />
    );
  }
  const duplicate = async (p: ProfileView) => {
    const r = await api().profiles.duplicate(p.id);
    if (!r.ok) return setError(r.error);
    profiles.updated(r.value);
    setEditing(draftOf(r.value));
  };
  const remove = async (p: ProfileView) => {
    setRemoving(undefined);
    setError(await profiles.remove(p.id));
  };
  return (
    <section aria-labelledby="profiles-title">
      <h3 id="profiles-title">Storage profiles</h3>
      <ul className="profile-list">
        {list.map((p) => (
          <ProfileRow
            key={p.id}
            profile={p}
            isDefault={p.id === effectiveDefault}
            onDefault={() => onDefault(p.id)}
            onEdit={() => setEditing(draftOf(p))}
            onDuplicate={() => void duplicate(p)}
            onRemove={() => setRemoving(p)}
          />
        ))}
      </ul>
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      <button type="button" onClick={() => setEditing('new')}>
        Add a profile
      </button>
      {removing && (
        <ConfirmDialog
          title={`Remove “${removing.name}”?`}
          message={
            removing.credentials.kind === 'keychain'
              ? 'The profile and its secret in your system keychain are deleted. Files already uploaded and their links stay.'
              : 'The profile is deleted; your ~/.aws profile stays. Files already uploaded and their links stay.'
          }
          confirmLabel="Remove"
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(undefined)}
        />
      )}
    </section>
  );
}
