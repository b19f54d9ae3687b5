import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { FileSource } from '../common/api';
import type { ProfileView } from '../common/profile';
import type { AppError } from '../common/result';
import { isFinished, type QueueAction, type QueueTotals } from '../common/uploads';
import { api } from './api';
import { useWindowDrop } from './components/DropZone';
import { ConnectionCheck } from './components/ConnectionCheck';
import { ExpiryPicker } from './components/ExpiryPicker';
import { HistoryView } from './components/HistoryView';
import { KeyPreview } from './components/KeyPreview';
import { LifetimeNote } from './components/LifetimeNote';
import { ProfileForm } from './components/ProfileForm';
import { linksText, QueueHeader } from './components/QueueHeader';
import { UploadList } from './components/UploadList';
import { usePastedFiles, useShortcuts } from './hooks';
import { emptyUploads, selectItems, uploadsReducer } from './state/uploads';

type View = 'uploads' | 'history' | 'add-profile';

export function App() {
  const [profiles, setProfiles] = useState<ProfileView[]>();
  const [profileId, setProfileId] = useState<string>();
  const [expiry, setExpiry] = useState(86_400);
  const [view, setView] = useState<View>('uploads');
  const [autoCopy, setAutoCopy] = useState(false);
  // The profile saved a moment ago: its connection is tested at once.
  const [justSaved, setJustSaved] = useState<string>();
  const [error, setError] = useState<AppError>();
  // What the last drop had to leave out (unreadable entries, symlink loops): said, not hidden.
  const [skipped, setSkipped] = useState<readonly string[]>([]);
  const [uploads, dispatch] = useReducer(uploadsReducer, emptyUploads);
  const [totals, setTotals] = useState<QueueTotals>();
  // The batch that holds a single file, for "copy the link when a single file finishes".
  const singleFileBatch = useRef<string>(undefined);

  useEffect(() => {
    void api()
      .profiles.list()
      .then((r) => {
        if (!r.ok) return setError(r.error);
        setProfiles(r.value);
        setProfileId(r.value[0]?.id);
      });
    void api()
      .uploads.list()
      .then((r) => r.ok && dispatch({ type: 'add', items: r.value }));
    return api().uploads.onChanged((snapshot) => {
      dispatch({ type: 'upsert', items: snapshot.items });
      setTotals(snapshot.totals);
    });
  }, []);

  const singleAt = singleFileBatch.current ? uploads.index.get(singleFileBatch.current) : undefined;
  const singleDone = singleAt === undefined ? undefined : uploads.items[singleAt];
  useEffect(() => {
    if (autoCopy && singleDone?.state === 'completed' && singleDone.link) {
      singleFileBatch.current = undefined;
      void api().clipboard.writeText(singleDone.link.url);
    }
  }, [autoCopy, singleDone]);

  const enqueue = useCallback(
    async (files: readonly FileSource[]) => {
      if (!profileId || files.length === 0) return;
      setView('uploads');
      const result = await api().uploads.enqueue({ profileId, expiresInSeconds: expiry, files });
      if (!result.ok) return setError(result.error);
      const { items, skipped } = result.value;
      setError(undefined);
      setSkipped(skipped.map((s) => s.message));
      singleFileBatch.current = items.length === 1 ? items[0]!.id : undefined;
      dispatch({ type: 'add', items });
    },
    [profileId, expiry],
  );
  const dragging = useWindowDrop(enqueue);

  const control = useCallback(
    async (action: QueueAction, id?: string) => {
      const before = selectItems(uploads);
      const result = await api().uploads.control(action, id);
      if (!result.ok) return setError(result.error);
      if (action === 'remove') {
        // Main forgets removed items without an event: drop them here too.
        const gone = id ? [id] : before.filter(isFinished).map((i) => i.id);
        dispatch({ type: 'remove', ids: gone });
      }
    },
    [uploads],
  );
  usePastedFiles(enqueue);

  const pickFiles = useCallback(async () => {
    const picked = await api().files.pick();
    if (picked.ok) await enqueue(picked.value);
    else setError(picked.error);
  }, [enqueue]);
  const shortcuts = useMemo(
    () => ({
      'mod+1': () => setView('uploads'),
      'mod+2': () => setView('history'),
      'mod+o': () => void pickFiles(),
      'mod+shift+c': () => void api().clipboard.writeText(linksText(selectItems(uploads), 'plain')),
    }),
    [pickFiles, uploads],
  );
  useShortcuts(shortcuts);

  if (!profiles) return <main className="app" aria-busy="true" />;

  const onSaved = (profile: ProfileView) => {
    setProfiles((list) => [...(list ?? []).filter((p) => p.id !== profile.id), profile]);
    setProfileId(profile.id);
    setJustSaved(profile.id);
    setView('uploads');
  };

  if (profiles.length === 0) {
    return (
      <main className="app">
        <header className="welcome">
          <h1>Welcome to Signdrop</h1>
          <p>Drop files to upload them to your own S3 bucket and get links that expire when you choose.</p>
          <p>Start by adding the bucket to upload to. Any S3-compatible store works.</p>
        </header>
        {error && <p role="alert" className="error">{error.message}</p>}
        <ProfileForm onSaved={onSaved} />
      </main>
    );
  }

  const items = selectItems(uploads);
  const profile = profiles.find((p) => p.id === profileId) ?? profiles[0]!;
  return (
    <main className="app">
      <header className="toolbar">
        <h1>Signdrop</h1>
        <nav aria-label="Views" className="tabs">
          {(['uploads', 'history'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className="tab"
              aria-current={view === v ? 'page' : undefined}
              aria-keyshortcuts={v === 'uploads' ? 'Control+1 Meta+1' : 'Control+2 Meta+2'}
              onClick={() => setView(v)}
            >
              {v === 'uploads' ? 'Uploads' : 'History'}
            </button>
          ))}
        </nav>
      </header>
      {view === 'history' && <HistoryView />}
      {view === 'add-profile' && <ProfileForm onSaved={onSaved} />}
      {view === 'uploads' && (
        <>
          <section className="options" aria-label="Upload options">
            <label className="inline">
              Profile
              <select
                value={profile.id}
                onChange={(e) => (e.target.value === 'add' ? setView('add-profile') : setProfileId(e.target.value))}
              >
                {profiles.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.bucket})
                  </option>
                ))}
                <option value="add">Add a profile…</option>
              </select>
            </label>
            <ExpiryPicker value={expiry} onChange={setExpiry} />
            <button type="button" aria-keyshortcuts="Control+O Meta+O" onClick={() => void pickFiles()}>
              Choose files…
            </button>
          </section>
          <LifetimeNote profileId={profile.id} expiresInSeconds={expiry} />
          <ConnectionCheck key={profile.id} profileId={profile.id} autoRun={profile.id === justSaved} />
          <KeyPreview profile={profile} />
          {error && <p role="alert" className="error">{error.message}</p>}
          {skipped.length > 0 && (
            <div role="alert" className="warning">
              <p>
                {skipped.length === 1 ? 'One item was' : `${skipped.length} items were`} left out:
              </p>
              <ul>
                {skipped.slice(0, 5).map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
              <button type="button" className="secondary" onClick={() => setSkipped([])}>
                Dismiss
              </button>
            </div>
          )}
          {items.length === 0 ? (
            <section className="empty" aria-label="Drop area">
              <p>Drop files or folders anywhere in this window.</p>
            </section>
          ) : (
            <>
              <QueueHeader items={items} totals={totals} autoCopy={autoCopy} onAutoCopy={setAutoCopy} onAction={(a) => void control(a)} />
              <UploadList items={items} onAction={(a, id) => void control(a, id)} />
            </>
          )}
        </>
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop to upload
        </div>
      )}
    </main>
  );
}
