import type { UploadItem } from '../../common/uploads';

/** The queue as the renderer holds it: one map by id, in arrival order. */
export interface UploadsState {
  readonly order: readonly string[];
  readonly byId: Readonly<Record<string, UploadItem>>;
}

export type UploadsAction =
  /** Items as main last reported them (events): they replace what we hold. */
  | { type: 'upsert'; items: readonly UploadItem[] }
  /** Items from an enqueue reply, which may arrive after their first events: never overwrite. */
  | { type: 'add'; items: readonly UploadItem[] }
  /** Items main no longer holds. */
  | { type: 'remove'; ids: readonly string[] };

export const emptyUploads: UploadsState = { order: [], byId: {} };

export function uploadsReducer(state: UploadsState, action: UploadsAction): UploadsState {
  if (action.type === 'remove') {
    const gone = new Set(action.ids);
    const byId = { ...state.byId };
    for (const id of gone) delete byId[id];
    return { order: state.order.filter((id) => !gone.has(id)), byId };
  }
  const byId = { ...state.byId };
  const order = [...state.order];
  for (const item of action.items) {
    const known = byId[item.id] !== undefined;
    if (!known) order.push(item.id);
    if (!known || action.type === 'upsert') byId[item.id] = item;
  }
  return { order, byId };
}

export const selectItems = (state: UploadsState): UploadItem[] => state.order.map((id) => state.byId[id]!);
