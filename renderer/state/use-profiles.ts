import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { ProfileView } from '../../common/profile';
import type { AppError } from '../../common/result';
import { api } from '../api';
import { emptyProfiles, profilesReducer, selectProfile } from './profiles';

export interface Profiles {
  /** Undefined until main answers. */
  readonly list: readonly ProfileView[] | undefined;
  /** Where uploads go; undefined while there is no profile. */
  readonly selected: ProfileView | undefined;
  /** The profile added a moment ago: its connection is tested at once. */
  readonly justAdded: string | undefined;
  readonly error: AppError | undefined;
  select(id: string): void;
  /** A profile the form saved: uploads go there from now on. */
  added(profile: ProfileView): void;
  /** A profile edited in the settings view; the selection stays. */
  updated(profile: ProfileView): void;
  /** Removes the profile and its keychain item in main; answers the error, if any. */
  remove(id: string): Promise<AppError | undefined>;
  /**
   * Remembers the lifetime the user picked as the selected profile's default expiry, in main,
   * so it is what the picker shows after a reload or a restart.
   */
  setDefaultExpiry(seconds: number): void;
}

/** The profiles main holds, listed once, with the one uploads go to (`defaultId` until the user picks). */
export function useProfiles(defaultId: string): Profiles {
  const [state, dispatch] = useReducer(profilesReducer, emptyProfiles);
  // Picks can follow each other faster than saves return (typing a custom lifetime): only the latest answer counts.
  const latestSave = useRef(0);
  useEffect(() => {
    const load = () =>
      void api()
        .profiles.list()
        .then((r) => dispatch(r.ok ? { type: 'loaded', list: r.value } : { type: 'failed', error: r.error }));
    load();
    // Profiles the CLI adds, edits or removes while the window is open.
    return api().profiles.onChanged(load);
  }, []);
  const selected = selectProfile(state, defaultId);

  const select = useCallback((id: string) => dispatch({ type: 'selected', id }), []);
  const added = useCallback((profile: ProfileView) => dispatch({ type: 'added', profile }), []);
  const updated = useCallback((profile: ProfileView) => dispatch({ type: 'updated', profile }), []);
  const remove = useCallback(async (id: string) => {
    const r = await api().profiles.remove(id);
    if (!r.ok) return r.error;
    dispatch({ type: 'removed', id });
    return undefined;
  }, []);
  const setDefaultExpiry = useCallback(
    async (seconds: number) => {
      if (!selected || selected.defaultExpirySeconds === seconds) return;
      const save = ++latestSave.current;
      dispatch({ type: 'updated', profile: { ...selected, defaultExpirySeconds: seconds } });
      // Without a secret, saving keeps the one in the keychain: only the public fields travel.
      const { hasSecret: _, ...fields } = selected;
      const r = await api().profiles.save({ ...fields, defaultExpirySeconds: seconds });
      if (save !== latestSave.current) return;
      dispatch(r.ok ? { type: 'updated', profile: r.value } : { type: 'updated', profile: selected });
      if (!r.ok) dispatch({ type: 'failed', error: r.error });
    },
    [selected],
  );
  return {
    list: state.list,
    selected,
    justAdded: state.justAdded,
    error: state.error,
    select,
    added,
    updated,
    remove,
    setDefaultExpiry: (s) => void setDefaultExpiry(s),
  };
}
