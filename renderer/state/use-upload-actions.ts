import { useCallback, useState } from 'react';
import type { FileSource } from '../../common/api';
import type { ProfileView } from '../../common/profile';
import type { AppError } from '../../common/result';
import type { QueueAction } from '../../common/uploads';
import { api } from '../api';
import { useAutoCopy, type AutoCopy } from './use-auto-copy';
import type { Queue } from './use-queue';

export interface UploadActions {
  /** Uploads files to the selected profile, with its default expiry. */
  enqueue(files: readonly FileSource[]): Promise<void>;
  /** Opens main's file dialog and uploads what was chosen. */
  pickFiles(): Promise<void>;
  control(action: QueueAction, id?: string): void;
  /** The last action's failure, in words; cleared by the next enqueue that works. */
  readonly error: AppError | undefined;
  /** What the last drop had to leave out (unreadable entries, symlink loops): said, not hidden. */
  readonly skipped: readonly string[];
  dismissSkipped(): void;
  readonly autoCopy: AutoCopy;
}

/** What the user does to the queue, and what it answered. `onEnqueue` must be stable (it shows the uploads view). */
export function useUploadActions(queue: Queue, profile: ProfileView | undefined, onEnqueue: () => void): UploadActions {
  const [error, setError] = useState<AppError>();
  const [skipped, setSkipped] = useState<readonly string[]>([]);
  const autoCopy = useAutoCopy(queue.item);
  const { add } = queue;
  const { watch } = autoCopy;
  const profileId = profile?.id;
  const expiresInSeconds = profile?.defaultExpirySeconds;

  const enqueue = useCallback(
    async (files: readonly FileSource[]) => {
      if (!profileId || expiresInSeconds === undefined || files.length === 0) return;
      onEnqueue();
      const result = await api().uploads.enqueue({ profileId, expiresInSeconds, files });
      if (!result.ok) return setError(result.error);
      setError(undefined);
      setSkipped(result.value.skipped.map((s) => s.message));
      watch(result.value.items);
      add(result.value.items);
    },
    [profileId, expiresInSeconds, onEnqueue, watch, add],
  );
  const pickFiles = useCallback(async () => {
    const picked = await api().files.pick();
    if (picked.ok) await enqueue(picked.value);
    else setError(picked.error);
  }, [enqueue]);
  const { control: send } = queue;
  const control = useCallback((action: QueueAction, id?: string) => void send(action, id).then((r) => !r.ok && setError(r.error)), [send]);
  const dismissSkipped = useCallback(() => setSkipped([]), []);
  return { enqueue, pickFiles, control, error, skipped, dismissSkipped, autoCopy };
}
