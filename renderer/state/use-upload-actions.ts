import { useCallback, useState } from 'react';
import type { FileSource } from '../../common/api';
import type { Disposition } from '../../common/disposition';
import type { ProfileView } from '../../common/profile';
import type { AppError } from '../../common/result';
import type { QueueAction, UploadItem } from '../../common/uploads';
import { api } from '../api';
import type { Queue } from './use-queue';

export interface UploadActions {
  /** Uploads files to the selected profile, with its default expiry and the chosen disposition. */
  enqueue(files: readonly FileSource[]): Promise<void>;
  /**
   * Opens main's file dialog; resolves what was chosen (nothing when canceled, or on a failure that
   * `error` then says). The caller sends it through the drop gate, as drops and pastes go.
   */
  chooseFiles(): Promise<readonly FileSource[]>;
  control(action: QueueAction, id?: string): void;
  /** The last action's failure, in words; cleared by the next enqueue that works. */
  readonly error: AppError | undefined;
  /** What the last drop had to leave out (unreadable entries, symlink loops): said, not hidden. */
  readonly skipped: readonly string[];
  dismissSkipped(): void;
  /** Links of the next uploads open in the browser or download; undefined: each file's type decides. */
  readonly disposition: Disposition | undefined;
  setDisposition(value: Disposition | undefined): void;
}

/**
 * What the user does to the queue, and what it answered. `onEnqueue` must be stable (it shows the
 * uploads view); `onBatch` hears what each enqueue added (the copy loop's last batch).
 */
export function useUploadActions(
  queue: Queue,
  profile: ProfileView | undefined,
  onEnqueue: () => void,
  onBatch: (items: readonly UploadItem[]) => void,
): UploadActions {
  const [error, setError] = useState<AppError>();
  const [skipped, setSkipped] = useState<readonly string[]>([]);
  const [disposition, setDisposition] = useState<Disposition>();
  const { add } = queue;
  const profileId = profile?.id;
  const expiresInSeconds = profile?.defaultExpirySeconds;

  const enqueue = useCallback(
    async (files: readonly FileSource[]) => {
      if (!profileId || expiresInSeconds === undefined || files.length === 0) return;
      onEnqueue();
      const result = await api().uploads.enqueue({ profileId, expiresInSeconds, files, ...(disposition && { disposition }) });
      if (!result.ok) return setError(result.error);
      setError(undefined);
      setSkipped(result.value.skipped.map((s) => s.message));
      add(result.value.items);
      onBatch(result.value.items);
    },
    [profileId, expiresInSeconds, disposition, onEnqueue, onBatch, add],
  );
  const chooseFiles = useCallback(async () => {
    const picked = await api().files.pick();
    if (picked.ok) return picked.value;
    setError(picked.error);
    return [];
  }, []);
  const { control: send } = queue;
  const control = useCallback((action: QueueAction, id?: string) => void send(action, id).then((r) => !r.ok && setError(r.error)), [send]);
  const dismissSkipped = useCallback(() => setSkipped([]), []);
  return { enqueue, chooseFiles, control, error, skipped, dismissSkipped, disposition, setDisposition };
}
