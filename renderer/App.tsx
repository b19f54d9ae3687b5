import { useCallback, useEffect, useReducer, useState } from 'react';
import type { FileSource } from '../common/api';
import type { ProfileView } from '../common/profile';
import type { AppError } from '../common/result';
import { api } from './api';
import { useWindowDrop } from './components/DropZone';
import { ExpiryPicker } from './components/ExpiryPicker';
import { ProfileForm } from './components/ProfileForm';
import { UploadRow } from './components/UploadRow';
import { emptyUploads, selectItems, uploadsReducer } from './state/uploads';

export function App() {
  const [profiles, setProfiles] = useState<ProfileView[]>();
  const [profileId, setProfileId] = useState<string>();
  const [expiry, setExpiry] = useState(86_400);
  const [error, setError] = useState<AppError>();
  const [uploads, dispatch] = useReducer(uploadsReducer, emptyUploads);

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
    return api().uploads.onChanged((item) => dispatch({ type: 'upsert', items: [item] }));
  }, []);

  const enqueue = useCallback(
    async (files: readonly FileSource[]) => {
      if (!profileId || files.length === 0) return;
      const result = await api().uploads.enqueue({ profileId, expiresInSeconds: expiry, files });
      if (result.ok) {
        setError(undefined);
        dispatch({ type: 'add', items: result.value });
      } else setError(result.error);
    },
    [profileId, expiry],
  );
  const dragging = useWindowDrop(enqueue);

  if (!profiles) return <main className="app" aria-busy="true" />;

  const onSaved = (profile: ProfileView) => {
    setProfiles((list) => [...(list ?? []).filter((p) => p.id !== profile.id), profile]);
    setProfileId(profile.id);
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
  return (
    <main className="app">
      <header className="toolbar">
        <h1>Signdrop</h1>
        <label className="inline">
          Profile
          <select value={profileId} onChange={(e) => setProfileId(e.target.value)}>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.bucket})
              </option>
            ))}
          </select>
        </label>
        <ExpiryPicker value={expiry} onChange={setExpiry} />
        <button
          type="button"
          onClick={async () => {
            const picked = await api().files.pick();
            if (picked.ok) await enqueue(picked.value);
            else setError(picked.error);
          }}
        >
          Choose files…
        </button>
      </header>
      {error && <p role="alert" className="error">{error.message}</p>}
      {items.length === 0 ? (
        <section className="empty" aria-label="Drop area">
          <p>Drop files or folders anywhere in this window.</p>
        </section>
      ) : (
        <ul className="uploads" aria-label="Uploads">
          {items.map((item) => (
            <UploadRow key={item.id} item={item} />
          ))}
        </ul>
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop to upload
        </div>
      )}
    </main>
  );
}
