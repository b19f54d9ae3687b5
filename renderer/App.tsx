import { useCallback, useMemo, useState } from 'react';
import type { ProfileView } from '../common/profile';
import { api } from './api';
import { useWindowDrop } from './components/DropZone';
import { HistoryView } from './components/HistoryView';
import { ProfileForm } from './components/ProfileForm';
import { linksText } from './components/QueueHeader';
import { Toolbar } from './components/Toolbar';
import { UploadsView } from './components/UploadsView';
import { Welcome } from './components/Welcome';
import { usePastedFiles, useShortcuts } from './hooks';
import { useProfiles } from './state/use-profiles';
import { useQueue } from './state/use-queue';
import { useUploadActions } from './state/use-upload-actions';

type View = 'uploads' | 'history' | 'add-profile';

/** Lays out the views; the state lives in the hooks. */
export function App() {
  const [view, setView] = useState<View>('uploads');
  const profiles = useProfiles();
  const queue = useQueue();
  const showUploads = useCallback(() => setView('uploads'), []);
  const actions = useUploadActions(queue, profiles.selected, showUploads);
  const error = actions.error ?? profiles.error;

  const dragging = useWindowDrop(actions.enqueue);
  usePastedFiles(actions.enqueue);
  const { pickFiles } = actions;
  const { items } = queue;
  const shortcuts = useMemo(
    () => ({
      'mod+1': () => setView('uploads'),
      'mod+2': () => setView('history'),
      'mod+o': () => void pickFiles(),
      'mod+shift+c': () => void api().clipboard.writeText(linksText(items, 'plain')),
    }),
    [pickFiles, items],
  );
  useShortcuts(shortcuts);

  const onSaved = (profile: ProfileView) => {
    profiles.added(profile);
    setView('uploads');
  };
  const profile = profiles.selected;
  if (!profiles.list) return <main className="app" aria-busy="true" />;
  if (!profile) return <Welcome error={error} onSaved={onSaved} />;

  return (
    <main className="app">
      <Toolbar view={view} onView={setView} />
      {view === 'history' && <HistoryView profiles={profiles.list} selected={profile} />}
      {view === 'add-profile' && <ProfileForm onSaved={onSaved} />}
      {view === 'uploads' && (
        <UploadsView profiles={profiles} profile={profile} queue={queue} actions={actions} error={error} onAddProfile={() => setView('add-profile')} />
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop to upload
        </div>
      )}
    </main>
  );
}
