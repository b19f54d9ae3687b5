import { useEffect, useMemo } from 'react';
import type { ShortcutName } from '../../../common/shortcuts';
import { api } from '../../api';
import { useShortcuts } from '../../hooks';
import { SHORTCUTS } from './shortcuts';

export interface WindowShortcutActions {
  readonly showView: (view: 'uploads' | 'history' | 'requests' | 'settings') => void;
  readonly pickFiles: () => Promise<void>;
  readonly copyLastBatch: () => void;
  readonly showHelp: () => void;
}

/**
 * Binds every global shortcut of the window (SHORTCUTS) to what it does, from the keyboard and from
 * the app menu's entries for the same shortcuts; each action must be stable.
 */
export function useWindowShortcuts({ showView, pickFiles, copyLastBatch, showHelp }: WindowShortcutActions): void {
  const actions = useMemo(
    (): Record<ShortcutName, () => void> => ({
      uploads: () => showView('uploads'),
      history: () => showView('history'),
      requests: () => showView('requests'),
      settings: () => showView('settings'),
      pickFiles: () => void pickFiles(),
      copyAll: copyLastBatch,
      help: showHelp,
    }),
    [showView, pickFiles, copyLastBatch, showHelp],
  );
  const bindings = useMemo(() => Object.fromEntries(Object.entries(actions).map(([name, run]) => [SHORTCUTS[name as ShortcutName].combo, run])), [actions]);
  useShortcuts(bindings);
  useEffect(() => api().shortcuts.onMenu((name) => actions[name]()), [actions]);
}
