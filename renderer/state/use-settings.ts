import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../common/settings';
import type { AppError } from '../../common/result';
import { api } from '../api';

export interface SettingsState {
  /** The defaults until main answers, so the first upload already copies. */
  readonly value: Settings;
  /** Why main refused the last change (a shortcut another app holds), with the settings it concerned. */
  readonly refused: { readonly keys: readonly (keyof Settings)[]; readonly error: AppError } | undefined;
  /** Shown at once, saved in main; main's answer (the whole set as saved) wins, a refusal puts back what is saved. */
  update(patch: SettingsPatch): void;
}

/** The app's remembered choices, read once from main, changed through it, and kept in step with changes made elsewhere (the tray). */
export function useSettings(): SettingsState {
  const [value, setValue] = useState<Settings>(DEFAULT_SETTINGS);
  const [refused, setRefused] = useState<SettingsState['refused']>();
  // Typing a template sends a save per key: only the latest answer may replace what is shown.
  const latest = useRef(0);
  // Saves not yet answered: an echo of an older save must not undo what the user typed since.
  const pending = useRef(0);
  useEffect(() => {
    void api()
      .settings.get()
      .then((r) => r.ok && latest.current === 0 && setValue(r.value));
    return api().settings.onChanged((settings) => pending.current === 0 && setValue(settings));
  }, []);
  const update = useCallback((patch: SettingsPatch) => {
    const save = ++latest.current;
    setValue((v) => ({ ...v, ...patch }));
    setRefused(undefined);
    pending.current++;
    void api()
      .settings.set(patch)
      .then(async (r) => {
        pending.current--;
        if (save !== latest.current) return;
        if (r.ok) return setValue(r.value);
        setRefused({ keys: Object.keys(patch) as (keyof Settings)[], error: r.error });
        const saved = await api().settings.get();
        if (saved.ok && save === latest.current) setValue(saved.value);
      });
  }, []);
  return { value, refused, update };
}
