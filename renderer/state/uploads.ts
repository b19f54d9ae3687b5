import type { QueueSnapshot, QueueTotals, UploadItem, UploadState } from '../../common/uploads';

/**
 * The queue as the renderer holds it: items in arrival order, where each id sits, and main's
 * totals from its last batch. A batch of progress replaces a few entries in a copied array
 * (a fast copy of pointers); the index is rebuilt only when items arrive or leave. With 10,000
 * files, copying a keyed object per batch instead was the renderer's biggest cost while scrolling.
 */
export interface UploadsState {
  readonly items: readonly UploadItem[];
  readonly index: ReadonlyMap<string, number>;
  /** Speed and time left for the whole queue; absent until main's first batch. */
  readonly totals: QueueTotals | undefined;
}

export type UploadsAction =
  /** A batch from main: the items it last reported replace what we hold; removed ids leave. */
  | { type: 'changed'; snapshot: QueueSnapshot }
  /** Items from an enqueue reply or the first listing, which may arrive after their first events: never overwrite. */
  | { type: 'add'; items: readonly UploadItem[] };

export const emptyUploads: UploadsState = { items: [], index: new Map(), totals: undefined };

const indexOf = (items: readonly UploadItem[]) => new Map(items.map((item, i) => [item.id, i]));

function merge(state: UploadsState, incoming: readonly UploadItem[], overwrite: boolean): Pick<UploadsState, 'items' | 'index'> {
  const items = state.items.slice();
  let added = false;
  for (const item of incoming) {
    const at = state.index.get(item.id);
    if (at === undefined) {
      items.push(item);
      added = true;
    } else if (overwrite) {
      items[at] = item;
    }
  }
  return { items, index: added ? indexOf(items) : state.index };
}

function without(held: Pick<UploadsState, 'items' | 'index'>, ids: readonly string[]): Pick<UploadsState, 'items' | 'index'> {
  if (!ids.some((id) => held.index.has(id))) return held;
  const gone = new Set(ids);
  const items = held.items.filter((i) => !gone.has(i.id));
  return { items, index: indexOf(items) };
}

export function uploadsReducer(state: UploadsState, action: UploadsAction): UploadsState {
  if (action.type === 'add') return { ...state, ...merge(state, action.items, false) };
  const { items, removed, totals } = action.snapshot;
  return { ...without(merge(state, items, true), removed), totals };
}

export const selectItems = (state: UploadsState): readonly UploadItem[] => state.items;

export const selectItem = (state: UploadsState, id: string): UploadItem | undefined => {
  const at = state.index.get(id);
  return at === undefined ? undefined : state.items[at];
};

/** What the queue header shows, counted from the items the list shows, so the two always agree. */
export interface QueueSummary {
  readonly count: number;
  readonly bytesSent: number;
  readonly bytesTotal: number;
  readonly counts: Readonly<Record<UploadState, number>>;
}

/** One pass over what may be 10,000 items; the hook memoizes it per batch. */
export function selectSummary(state: UploadsState): QueueSummary {
  const counts: Record<UploadState, number> = { queued: 0, uploading: 0, paused: 0, completed: 0, failed: 0, canceled: 0 };
  let bytesTotal = 0;
  let bytesSent = 0;
  for (const i of state.items) {
    bytesTotal += i.size;
    bytesSent += i.bytesSent;
    counts[i.state]++;
  }
  return { count: state.items.length, bytesSent, bytesTotal, counts };
}
