import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../common/settings';
import { api } from '../api';

export interface SettingsState {
  /** The defaults until main answers, so the first upload already copies. */
  readonly value: Settings;
  /** Shown at once, saved in main; main's answer (the whole set as saved) wins. */
  update(patch: SettingsPatch): void;
}

/** The app's remembered choices, read once from main and changed through it. */
export function useSettings(): SettingsState {
  const [value, setValue] = useState<Settings>(DEFAULT_SETTINGS);
  // Typing a template sends a save per key: only the latest answer may replace what is shown.
  const latest = useRef(0);
  useEffect(() => {
    void api()
      .settings.get()
      .then((r) => r.ok && latest.current === 0 && setValue(r.value));
  }, []);
  const update = useCallback((patch: SettingsPatch) => {
    const save = ++latest.current;
    setValue((v) => ({ ...v, ...patch }));
    void api()
      .settings.set(patch)
      .then((r) => r.ok && save === latest.current && setValue(r.value));
  }, []);
  return { value, update };
}
