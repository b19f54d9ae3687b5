import { useCallback, useState } from 'react';
import type { ProfileView } from '../common/profile';
import { useWindowDrop } from './components/DropZone';
import { HistoryView } from './components/HistoryView';
import { ShortcutsDialog } from './components/keyboard/ShortcutsDialog';
import { useWindowShortcuts } from './components/keyboard/use-window-shortcuts';
import { ProfileForm } from './components/ProfileForm';
import { DropQuestionDialog } from './components/DropQuestionDialog';
import { RequestsView } from './components/requests/RequestsView';
import { SaveNoticeList } from './components/SaveNoticeList';
import { useRequests } from './components/requests/use-requests';
import { SettingsView } from './components/settings/SettingsView';
import { Toast } from './components/Toast';
import { Toolbar } from './components/Toolbar';
import { UploadsView } from './components/UploadsView';
import { Welcome } from './components/Welcome';
import { usePastedFiles } from './hooks';
import { useCopyLoop } from './state/use-copy-loop';
import { useDropGate } from './state/use-drop-gate';
import { useProfiles } from './state/use-profiles';
import { useQueue } from './state/use-queue';
import { useSaveNotices } from './state/use-save-notices';
import { useTheme } from './state/use-theme';
import { useUploadActions } from './state/use-upload-actions';

type View = 'uploads' | 'history' | 'requests' | 'settings' | 'add-profile';

/** Lays out the views; the state lives in the hooks. */
export function App() {
  const [view, setView] = useState<View>('uploads');
  const queue = useQueue();
  const requests = useRequests();
  const saveNotices = useSaveNotices();
  const showUploads = useCallback(() => setView('uploads'), []);
  const copy = useCopyLoop(queue);
  const settings = copy.settings;
  const profiles = useProfiles(settings.value.defaultProfileId);
  useTheme(settings.value.theme);
  const actions = useUploadActions(queue, profiles.selected, showUploads, copy.watch);
  const error = actions.error ?? profiles.error;

  const gate = useDropGate(actions, profiles.selected);
  const dragging = useWindowDrop(gate.onFiles);
  usePastedFiles(gate.onFiles);
  const [helpOpen, setHelpOpen] = useState(false);
  const showHelp = useCallback(() => setHelpOpen(true), []);
  useWindowShortcuts({ showView: setView, pickFiles: gate.pickFiles, copyLastBatch: copy.copyLastBatch, showHelp });

  const onSaved = (profile: ProfileView) => {
    profiles.added(profile);
    setView('uploads');
  };
  const profile = profiles.selected;
  if (!profiles.list) return <main className="app" aria-busy="true" />;
  if (!profile) return <Welcome error={error} held={gate.held} onSaved={onSaved} saveNotices={saveNotices} />;
  const others = profiles.list;

  return (
    <main className="app">
      <Toolbar view={view} onView={setView} />
      <SaveNoticeList {...saveNotices} />
      {view === 'history' && <HistoryView profiles={profiles.list} selected={profile} />}
      {view === 'requests' && <RequestsView requests={requests} profile={profile} />}
      {view === 'add-profile' && <ProfileForm others={others} onSaved={onSaved} onCancel={showUploads} />}
      {view === 'settings' && <SettingsView profiles={profiles} settings={settings} />}
      {view === 'uploads' && (
        <UploadsView
          profiles={profiles}
          profile={profile}
          queue={queue}
          actions={actions}
          copy={copy}
          error={error}
          onAddProfile={() => setView('add-profile')}
          onPickFiles={() => void gate.pickFiles()}
        />
      )}
      <Toast message={copy.toast.message} />
      {helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
      <DropQuestionDialog question={gate.question} />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop to upload
        </div>
      )}
    </main>
  );
}
