import { MAX_FILE_CONCURRENCY, MAX_PART_CONCURRENCY, THEMES, type Theme } from '../../../common/settings';
import type { Profiles } from '../../state/use-profiles';
import type { SettingsState } from '../../state/use-settings';
import { CopySettings } from '../CopySettings';
import { DesktopSettings } from './DesktopSettings';
import { ProfileList } from './ProfileList';

interface Props {
  readonly profiles: Profiles;
  readonly settings: SettingsState;
}

const THEME_LABELS: Record<Theme, string> = { system: 'Like the system', light: 'Light', dark: 'Dark' };

/** A whole number within bounds from a number field; undefined while what is typed is not one. */
const bounded = (text: string, max: number): number | undefined => {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
};

/** Every setting in one place, each saved through main as it changes. */
export function SettingsView({ profiles, settings }: Props) {
  const { value, update } = settings;
  return (
    <div className="card settings" aria-labelledby="settings-title" role="region">
      <h2 id="settings-title">Settings</h2>
      <ProfileList profiles={profiles} defaultId={value.defaultProfileId} onDefault={(id) => update({ defaultProfileId: id })} />
      <section aria-labelledby="uploads-title">
        <h3 id="uploads-title">Uploads</h3>
        <label className="check">
          <input type="checkbox" checked={value.skipJunkFiles} onChange={(e) => update({ skipJunkFiles: e.target.checked })} />
          Skip system files in folders (.DS_Store, Thumbs.db, desktop.ini, ._*)
        </label>
        <div className="row">
          <label>
            Files at once
            <input
              aria-describedby="concurrency-hint"
              type="number"
              min={1}
              max={MAX_FILE_CONCURRENCY}
              defaultValue={value.fileConcurrency}
              onChange={(e) => {
                const n = bounded(e.target.value, MAX_FILE_CONCURRENCY);
                if (n) update({ fileConcurrency: n });
              }}
            />
          </label>
          <label>
            Parts of a large file at once
            <input
              type="number"
              min={1}
              max={MAX_PART_CONCURRENCY}
              defaultValue={value.partConcurrency}
              onChange={(e) => {
                const n = bounded(e.target.value, MAX_PART_CONCURRENCY);
                if (n) update({ partConcurrency: n });
              }}
            />
          </label>
        </div>
        {/* Small files wait on the store's answers, not on bytes: the queue runs four of them in each slot (core/uploads/queue-settings.ts). */}
        <p id="concurrency-hint" className="hint">
          Files of 1 MiB or less count as a quarter each, so four times as many small files go at once.
        </p>
      </section>
      <section aria-labelledby="copy-title">
        <h3 id="copy-title">After an upload</h3>
        <CopySettings settings={settings} />
      </section>
      <DesktopSettings settings={settings} />
      <section aria-labelledby="theme-title">
        <h3 id="theme-title">Appearance</h3>
        <div role="radiogroup" aria-labelledby="theme-title">
          {THEMES.map((t) => (
            <label key={t} className="check">
              <input type="radio" name="theme" value={t} checked={value.theme === t} onChange={() => update({ theme: t })} />
              {THEME_LABELS[t]}
            </label>
          ))}
        </div>
      </section>
    </div>
  );
}
