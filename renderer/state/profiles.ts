import type { ProfileView } from '../../common/profile';
import type { AppError } from '../../common/result';

/** The storage profiles main holds, and which one uploads go to. */
export interface ProfilesState {
  /** Undefined until main answers the first listing. */
  readonly list: readonly ProfileView[] | undefined;
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
  /** A profile changed in place (its default expiry); the selection stays. */
  | { type: 'updated'; profile: ProfileView }
  | { type: 'selected'; id: string };

export const emptyProfiles: ProfilesState = { list: undefined, selectedId: undefined, justAdded: undefined, error: undefined };

const replace = (list: readonly ProfileView[] | undefined, profile: ProfileView): readonly ProfileView[] => {
  const at = list?.findIndex((p) => p.id === profile.id) ?? -1;
  return at < 0 ? [...(list ?? []), profile] : list!.map((p, i) => (i === at ? profile : p));
};

export function profilesReducer(state: ProfilesState, action: ProfilesAction): ProfilesState {
  switch (action.type) {
    case 'loaded':
      return { ...state, list: action.list, selectedId: state.selectedId ?? action.list[0]?.id };
    case 'failed':
      return { ...state, error: action.error };
    case 'added':
      return { ...state, list: replace(state.list, action.profile), selectedId: action.profile.id, justAdded: action.profile.id, error: undefined };
    case 'updated':
      return { ...state, list: replace(state.list, action.profile) };
    case 'selected':
      return { ...state, selectedId: action.id };
  }
}

/** The profile uploads go to: the chosen one, or the first while none is chosen. */
export const selectProfile = (state: ProfilesState): ProfileView | undefined => state.list?.find((p) => p.id === state.selectedId) ?? state.list?.[0];
