import type { Disposition } from '../../common/disposition';
import type { ProfileView } from '../../common/profile';
import { DispositionPicker } from './DispositionPicker';
import { ExpiryPicker } from './ExpiryPicker';
import { ariaKeys, SHORTCUTS, withKeys } from './keyboard/shortcuts';

interface Props {
  readonly profiles: readonly ProfileView[];
  readonly profile: ProfileView;
  readonly onSelect: (id: string) => void;
  readonly onAddProfile: () => void;
  readonly onExpiry: (seconds: number) => void;
  readonly disposition: Disposition | undefined;
  readonly onDisposition: (value: Disposition | undefined) => void;
  readonly onPickFiles: () => void;
}

/**
 * Where the next files go, how long their links live (the profile's default) and whether they
 * open in the browser or download (for this session's uploads; automatic unless changed).
 */
export function UploadOptions({ profiles, profile, onSelect, onAddProfile, onExpiry, disposition, onDisposition, onPickFiles }: Props) {
  return (
    <section className="options" aria-label="Upload options">
      <label className="inline">
        Profile
        <select value={profile.id} onChange={(e) => (e.target.value === 'add' ? onAddProfile() : onSelect(e.target.value))}>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.bucket})
            </option>
          ))}
          <option value="add">Add a profile…</option>
        </select>
      </label>
      {/* Keyed by profile: another profile's default starts the picker afresh, custom fields included. */}
      <ExpiryPicker key={profile.id} value={profile.defaultExpirySeconds} onChange={onExpiry} />
      <DispositionPicker value={disposition} onChange={onDisposition} />
      <button
        type="button"
        aria-keyshortcuts={ariaKeys(SHORTCUTS.pickFiles.combo)}
        title={withKeys(SHORTCUTS.pickFiles.does, SHORTCUTS.pickFiles)}
        onClick={onPickFiles}
      >
        Choose files…
      </button>
    </section>
  );
}
