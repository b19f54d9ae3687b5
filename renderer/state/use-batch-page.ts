import { useCallback, useRef, useState } from 'react';
import type { Result } from '../../common/result';
import type { SharePage } from '../../common/share-page';
import { api } from '../api';

export interface BatchPage {
  /** The page listing these finished uploads: made once per set of files, then the same link again. */
  publish(uploadIds: readonly string[]): Promise<Result<SharePage>>;
  /** A page is being written to the bucket now. */
  readonly busy: boolean;
}

/**
 * One page per batch. Copying the page link again (the button after the automatic copy, or a
 * second click) gives the link already sent rather than another page in the bucket.
 */
export function useBatchPage(): BatchPage {
  const made = useRef<{ key: string; page: SharePage }>(undefined);
  const [busy, setBusy] = useState(false);
  const publish = useCallback(async (uploadIds: readonly string[]) => {
    const key = uploadIds.join('\n');
    if (made.current?.key === key) return { ok: true as const, value: made.current.page };
    setBusy(true);
    try {
      const r = await api().links.sharePage({ uploadIds });
      if (r.ok) made.current = { key, page: r.value };
      return r;
    } finally {
      setBusy(false);
    }
  }, []);
  return { publish, busy };
}
