export type TabView = 'uploads' | 'history' | 'settings';

interface Props {
  readonly view: string;
  readonly onView: (view: TabView) => void;
}

const TABS = [
  { view: 'uploads', label: 'Uploads', keys: 'Control+1 Meta+1' },
  { view: 'history', label: 'History', keys: 'Control+2 Meta+2' },
  { view: 'settings', label: 'Settings', keys: 'Control+, Meta+,' },
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
            aria-keyshortcuts={t.keys}
            onClick={() => onView(t.view)}
          >
            {t.label}
          </button>
        ))}
      </nav>
    </header>
  );
}
