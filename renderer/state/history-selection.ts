import { useCallback, useMemo, useState } from 'react';

export interface HistorySelection {
  readonly ids: ReadonlySet<string>;
  has(id: string): boolean;
  toggle(id: string, on: boolean): void;
  /** Replaces the selection (e.g. with every link matching the search). */
  set(ids: readonly string[]): void;
  clear(): void;
}

/** The links chosen in History for a bulk action, by id: they stay chosen while the search changes. */
export function useHistorySelection(): HistorySelection {
  const [ids, setIds] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback((id: string, on: boolean) => {
    setIds((old) => {
      if (old.has(id) === on) return old;
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const set = useCallback((next: readonly string[]) => setIds(new Set(next)), []);
  const clear = useCallback(() => setIds(new Set()), []);
  return useMemo(() => ({ ids, has: (id: string) => ids.has(id), toggle, set, clear }), [ids, toggle, set, clear]);
}
