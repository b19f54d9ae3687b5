import type { ProfileView } from '../../common/profile';
import type { AppError } from '../../common/result';
import { useCallback, useMemo, useState } from 'react';
import type { CopyLoop } from '../state/use-copy-loop';
import type { Profiles } from '../state/use-profiles';
import type { Queue } from '../state/use-queue';
import type { UploadActions } from '../state/use-upload-actions';
import { ConnectionCheck } from './ConnectionCheck';
import type { RevealRequest } from './keyboard/use-row-focus';
import { KeyPreview } from './KeyPreview';
import { LifetimeNote } from './LifetimeNote';
import { QueueHeader } from './QueueHeader';
import { SkippedNotice } from './SkippedNotice';
import { UploadList } from './UploadList';
import { UploadOptions } from './UploadOptions';

interface Props {
  readonly profiles: Profiles;
  readonly profile: ProfileView;
  readonly queue: Queue;
  readonly actions: UploadActions;
  readonly copy: CopyLoop;
  readonly error: AppError | undefined;
  readonly onAddProfile: () => void;
  /** "Choose files…": main's dialog, then the drop gate. */
  readonly onPickFiles: () => void;
}

/** The uploads view: options for the next files, what to know before uploading, then the queue. */
export function UploadsView({ profiles, profile, queue, actions, copy, error, onAddProfile, onPickFiles }: Props) {
  const { control } = actions;
  const { copyItem } = copy;
  const { show } = copy.toast;
  // Stable while only progress changes, so the virtualized rows do not re-render for nothing.
  const handlers = useMemo(() => ({ onAction: control, onCopy: copyItem, onMessage: show }), [control, copyItem, show]);
  const [reveal, setReveal] = useState<RevealRequest>();
  const { items } = queue;
  const showFailed = useCallback(() => {
    const failed = items.find((i) => i.state === 'failed');
    if (failed) setReveal({ id: failed.id });
  }, [items]);
  return (
    <>
      <UploadOptions
        profiles={profiles.list ?? [profile]}
        profile={profile}
        onSelect={profiles.select}
        onAddProfile={onAddProfile}
        onExpiry={profiles.setDefaultExpiry}
        disposition={actions.disposition}
        onDisposition={actions.setDisposition}
        onPickFiles={onPickFiles}
      />
      <LifetimeNote profileId={profile.id} expiresInSeconds={profile.defaultExpirySeconds} />
      <ConnectionCheck key={profile.id} profileId={profile.id} autoRun={profile.id === profiles.justAdded} />
      <KeyPreview profile={profile} />
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      <SkippedNotice messages={actions.skipped} onDismiss={actions.dismissSkipped} />
      {queue.items.length === 0 ? (
        <section className="empty" aria-label="Drop area">
          <p>Drop files or folders anywhere in this window.</p>
        </section>
      ) : (
        <>
          <QueueHeader summary={queue.summary} totals={queue.totals} copy={copy} onAction={control} onShowFailed={showFailed} />
          <UploadList items={queue.items} copiedId={copy.copiedId} handlers={handlers} reveal={reveal} />
        </>
      )}
    </>
  );
}
