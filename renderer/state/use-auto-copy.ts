import { useCallback, useEffect, useState } from 'react';
import type { UploadItem } from '../../common/uploads';
import { api } from '../api';

export interface AutoCopy {
  readonly on: boolean;
  set(on: boolean): void;
  /** Called with what each enqueue added: only a batch of one file is watched. */
  watch(items: readonly UploadItem[]): void;
}

/** "Copy the link when a single file finishes": watches the last one-file batch until its link exists. */
export function useAutoCopy(item: (id: string) => UploadItem | undefined): AutoCopy {
  const [on, set] = useState(false);
  const [watched, setWatched] = useState<string>();
  const done = watched === undefined ? undefined : item(watched);
  useEffect(() => {
    if (on && done?.state === 'completed' && done.link) {
      setWatched(undefined);
      void api().clipboard.writeText(done.link.url);
    }
  }, [on, done]);
  const watch = useCallback((items: readonly UploadItem[]) => setWatched(items.length === 1 ? items[0]!.id : undefined), []);
  return { on, set, watch };
}
