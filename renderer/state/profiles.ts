import type { ProfileView } from '../../common/profile';
import type { AppError } from '../../common/result';

/** The storage profiles main holds, and which one uploads go to. */
export interface ProfilesState {
  /** Undefined until main answers the first listing. */
  readonly list: readonly ProfileView[] | undefined;
  /** The one the user picked in this window; until then the default profile is used. */
  readonly selectedId: string | undefined;
  /** The profile added a moment ago: its connection is tested at once. */
  readonly justAdded: string | undefined;
  readonly error: AppError | undefined;
}

export type ProfilesAction =
  | { type: 'loaded'; list: readonly ProfileView[] }
  | { type: 'failed'; error: AppError }
  /** A profile the form saved: it becomes the one uploads go to. */
  | { type: 'added'; profile: ProfileView }
  /** A profile changed in place (edited, or its default expiry); the selection stays. */
  | { type: 'updated'; profile: ProfileView }
  | { type: 'removed'; id: string }
  | { type: 'selected'; id: string };

export const emptyProfiles: ProfilesState = { list: undefined, selectedId: undefined, justAdded: undefined, error: undefined };

const replace = (list: readonly ProfileView[] | undefined, profile: ProfileView): readonly ProfileView[] => {
  const at = list?.findIndex((p) => p.id === profile.id) ?? -1;
  return at < 0 ? [...(list ?? []), profile] : list!.map((p, i) => (i === at ? profile : p));
};

export function profilesReducer(state: ProfilesState, action: ProfilesAction): ProfilesState {
  switch (action.type) {
    case 'loaded':
      return { ...state, list: action.list };
    case 'failed':
      return { ...state, error: action.error };
    case 'added':
      return { ...state, list: replace(state.list, action.profile), selectedId: action.profile.id, justAdded: action.profile.id, error: undefined };
    case 'updated':
      return { ...state, list: replace(state.list, action.profile) };
    case 'removed':
      return {
        ...state,
        list: state.list?.filter((p) => p.id !== action.id),
        selectedId: state.selectedId === action.id ? undefined : state.selectedId,
      };
    case 'selected':
      return { ...state, selectedId: action.id };
  }
}

/** The profile uploads go to: the one picked, else the default profile, else the first. */
export const selectProfile = (state: ProfilesState, defaultId: string): ProfileView | undefined =>
  state.list?.find((p) => p.id === state.selectedId) ?? state.list?.find((p) => p.id === defaultId) ?? state.list?.[0];
