import { ariaKeys, SHORTCUTS, withKeys } from './keyboard/shortcuts';

export type TabView = 'uploads' | 'history' | 'settings';

interface Props {
  readonly view: string;
  readonly onView: (view: TabView) => void;
}

const TABS = [
  { view: 'uploads', label: 'Uploads', shortcut: SHORTCUTS.uploads },
  { view: 'history', label: 'History', shortcut: SHORTCUTS.history },
  { view: 'settings', label: 'Settings', shortcut: SHORTCUTS.settings },
] as const;

/** The app's title and its two views. */
export function Toolbar({ view, onView }: Props) {
  return (
    <header className="toolbar">
      <h1>Signdrop</h1>
      <nav aria-label="Views" className="tabs">
        {TABS.map((t) => (
          <button
            key={t.view}
            type="button"
            className="tab"
            aria-current={view === t.view ? 'page' : undefined}
            aria-keyshortcuts={ariaKeys(t.shortcut.combo)}
            title={withKeys(t.shortcut.does, t.shortcut)}
            onClick={() => onView(t.view)}
          >
            {t.label}
          </button>
        ))}
      </nav>
    </header>
  );
}
