import { useCallback, useEffect, useMemo, useReducer } from 'react';
import type { Result } from '../../common/result';
import type { QueueAction, QueueTotals, UploadItem } from '../../common/uploads';
import { api } from '../api';
import { emptyUploads, selectItem, selectItems, selectSummary, uploadsReducer, type QueueSummary } from './uploads';

/** The upload queue as main reports it: the one copy the renderer keeps. */
export interface Queue {
  readonly items: readonly UploadItem[];
  readonly summary: QueueSummary;
  /** Main's totals from its last batch (speed, time left); absent until the first one. */
  readonly totals: QueueTotals | undefined;
  item(id: string): UploadItem | undefined;
  /** Items an enqueue reply returned; events that already arrived for them win. */
  add(items: readonly UploadItem[]): void;
  /** Asks main to act; what follows (including removals) arrives with its next batch. */
  control(action: QueueAction, id?: string): Promise<Result<null>>;
}

/** Subscribes to main's queue batches for the lifetime of the component, and lists what is already queued. */
export function useQueue(): Queue {
  const [state, dispatch] = useReducer(uploadsReducer, emptyUploads);
  useEffect(() => {
    void api()
      .uploads.list()
      .then((r) => r.ok && dispatch({ type: 'add', items: r.value }));
    return api().uploads.onChanged((snapshot) => dispatch({ type: 'changed', snapshot }));
  }, []);
  const add = useCallback((items: readonly UploadItem[]) => dispatch({ type: 'add', items }), []);
  const control = useCallback((action: QueueAction, id?: string) => api().uploads.control(action, id), []);
  const summary = useMemo(() => selectSummary(state), [state]);
  const item = useCallback((id: string) => selectItem(state, id), [state]);
  return { items: selectItems(state), summary, totals: state.totals, item, add, control };
}
