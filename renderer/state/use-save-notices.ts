import { useCallback, useEffect, useState } from 'react';
import type { SaveNotice } from '../../common/save-notice';
import { api } from '../api';

export interface SaveNotices {
  /** The latest word on each file of the data folder that had trouble: failing, or saved again. */
  readonly notices: readonly SaveNotice[];
  dismiss(file: string): void;
}

/**
 * What main said about the data folder: a file that cannot be saved (full or read-only disk)
 * stays on screen until it is saved again; then the saved notice replaces it until dismissed.
 */
export function useSaveNotices(): SaveNotices {
  const [byFile, setByFile] = useState<ReadonlyMap<string, SaveNotice>>(new Map());
  useEffect(() => api().storage.onNotice((notice) => setByFile((m) => new Map(m).set(notice.file, notice))), []);
  const dismiss = useCallback(
    (file: string) =>
      setByFile((m) => {
        const next = new Map(m);
        next.delete(file);
        return next;
      }),
    [],
  );
  return { notices: [...byFile.values()], dismiss };
}
