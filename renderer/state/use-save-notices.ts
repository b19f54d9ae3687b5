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
 * stays on screen until it is saved again; then the saved notice replaces it until dismissed. A
 * file set right when read (set aside, a setting reset, a line cut short) is said until dismissed.
 * What was said before the window opened is asked for once; what is said since wins over it.
 */
export function useSaveNotices(): SaveNotices {
  const [byFile, setByFile] = useState<ReadonlyMap<string, SaveNotice>>(new Map());
  useEffect(() => {
    let live = true;
    const stop = api().storage.onNotice((notice) => setByFile((m) => new Map(m).set(notice.file, notice)));
    void api()
      .storage.notices()
      .then((r) => {
        if (live && r.ok) setByFile((m) => new Map([...r.value.map((n) => [n.file, n] as const), ...m]));
      });
    return () => {
      live = false;
      stop();
    };
  }, []);
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
