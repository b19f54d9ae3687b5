import { useMemo } from 'react';
import { useShortcuts } from '../../hooks';
import { SHORTCUTS } from './shortcuts';

export interface WindowShortcutActions {
  readonly showView: (view: 'uploads' | 'history' | 'requests' | 'settings') => void;
  readonly pickFiles: () => Promise<void>;
  readonly copyLastBatch: () => void;
  readonly showHelp: () => void;
}

/** Binds every global shortcut of the window (SHORTCUTS) to what it does; each action must be stable. */
export function useWindowShortcuts({ showView, pickFiles, copyLastBatch, showHelp }: WindowShortcutActions): void {
  const bindings = useMemo(
    () => ({
      [SHORTCUTS.uploads.combo]: () => showView('uploads'),
      [SHORTCUTS.history.combo]: () => showView('history'),
      [SHORTCUTS.requests.combo]: () => showView('requests'),
      [SHORTCUTS.settings.combo]: () => showView('settings'),
      [SHORTCUTS.pickFiles.combo]: () => void pickFiles(),
      [SHORTCUTS.copyAll.combo]: copyLastBatch,
      [SHORTCUTS.help.combo]: showHelp,
    }),
    [showView, pickFiles, copyLastBatch, showHelp],
  );
  useShortcuts(bindings);
}
