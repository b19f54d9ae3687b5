import type { UploadItem } from '../../common/uploads';

/**
 * The queue as the renderer holds it: items in arrival order, and where each id sits.
 * A batch of progress replaces a few entries in a copied array (a fast copy of pointers);
 * the index is rebuilt only when items arrive or leave. With 10,000 files, copying a keyed
 * object per batch instead was the renderer's biggest cost while scrolling.
 */
export interface UploadsState {
  readonly items: readonly UploadItem[];
  readonly index: ReadonlyMap<string, number>;
}

export type UploadsAction =
  /** Items as main last reported them (events): they replace what we hold. */
  | { type: 'upsert'; items: readonly UploadItem[] }
  /** Items from an enqueue reply, which may arrive after their first events: never overwrite. */
  | { type: 'add'; items: readonly UploadItem[] }
  /** Items main no longer holds. */
  | { type: 'remove'; ids: readonly string[] };

export const emptyUploads: UploadsState = { items: [], index: new Map() };

const indexOf = (items: readonly UploadItem[]) => new Map(items.map((item, i) => [item.id, i]));

export function uploadsReducer(state: UploadsState, action: UploadsAction): UploadsState {
  if (action.type === 'remove') {
    const gone = new Set(action.ids);
    const items = state.items.filter((i) => !gone.has(i.id));
    return { items, index: indexOf(items) };
  }
  const items = state.items.slice();
  let added = false;
  for (const item of action.items) {
    const at = state.index.get(item.id);
    if (at === undefined) {
      items.push(item);
      added = true;
    } else if (action.type === 'upsert') {
      items[at] = item;
    }
  }
  return { items, index: added ? indexOf(items) : state.index };
}

export const selectItems = (state: UploadsState): readonly UploadItem[] => state.items;
