import { useState } from 'react';
import type { ProfileView } from '../../../common/profile';
import { useNow } from '../../hooks';
import { RequestCard } from './RequestCard';
import { RequestForm } from './RequestForm';
import type { Requests } from './use-requests';

interface Props {
  readonly requests: Requests;
  /** New requests go into this profile's bucket. */
  readonly profile: ProfileView;
}

/** Request files: links anyone can send files through into the bucket, and what arrived. */
export function RequestsView({ requests, profile }: Props) {
  const [creating, setCreating] = useState(false);
  const now = useNow(30_000);
  const { list, error, arrivals, lastArrival, reload, setError } = requests;
  return (
    <section aria-labelledby="requests-title">
      <div className="history-bar">
        <h2 id="requests-title">File requests</h2>
        {!creating && (
          <button type="button" onClick={() => setCreating(true)}>
            New request…
          </button>
        )}
      </div>
      <p className="hint">A link that lets anyone send you files into {profile.bucket}, with no account and no server: the page lives in the bucket itself.</p>
      {creating && (
        <RequestForm
          profileId={profile.id}
          onCancel={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            void reload();
          }}
        />
      )}
      <p role="status" className="hint">
        {lastArrival ?? ''}
      </p>
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      {list.length === 0 && !creating && <p className="hint">Requests you make appear here, with the files that arrive.</p>}
      <ul className="history" aria-label="Requests">
        {list.map((r) => (
          <RequestCard key={r.id} request={r} now={now} version={arrivals} onChanged={reload} onError={setError} />
        ))}
      </ul>
    </section>
  );
}
