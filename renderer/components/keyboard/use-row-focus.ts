import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';

/** Where the list is asked to bring a row into view and focus it (the header's "1 failed — show"). */
export interface RevealRequest {
  readonly id: string;
}

interface Options {
  readonly count: number;
  readonly indexOf: (id: string) => number;
  /** Scrolls the virtualized list so the row at `index` is rendered and in view. */
  readonly scrollTo: (index: number) => void;
  /** The row element at `index`, when it is rendered. */
  readonly rowAt: (index: number) => HTMLElement | null;
  /** Enter on a row. */
  readonly onEnter: (index: number) => void;
  readonly reveal: RevealRequest | undefined;
}

export interface RowFocus {
  /** The row in the Tab order: the one the keys or a click last reached. */
  readonly active: number;
  readonly onKeyDown: (e: KeyboardEvent) => void;
  /** Called when anything inside row `index` gets focus, so Tab and clicks move the roving row too. */
  readonly onRowFocus: (index: number) => void;
}

/**
 * Arrow keys, Home and End between the rows of a virtualized list, and Enter on a row. A row may
 * not be rendered yet when the keys reach it: the list scrolls to it first, and it gets focus as
 * soon as it exists.
 */
export function useRowFocus({ count, indexOf, scrollTo, rowAt, onEnter, reveal }: Options): RowFocus {
  const [active, setActive] = useState(0);
  const pending = useRef<number | undefined>(undefined);
  const current = Math.min(active, Math.max(0, count - 1));

  const go = useCallback(
    (index: number) => {
      setActive(index);
      pending.current = index;
      scrollTo(index);
    },
    [scrollTo],
  );
  // After every render: the row asked for may have just appeared.
  useEffect(() => {
    if (pending.current === undefined) return;
    const row = rowAt(pending.current);
    if (!row) return;
    pending.current = undefined;
    row.focus();
  });
  useEffect(() => {
    const at = reveal ? indexOf(reveal.id) : -1;
    if (at >= 0) go(at);
  }, [reveal, indexOf, go]);

  const onKeyDown = (e: KeyboardEvent) => {
    // Only on the row itself: inside the link field or on a button the keys keep their own meaning.
    if ((e.target as HTMLElement).getAttribute('role') !== 'listitem' || count === 0) return;
    const next = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: count - 1 }[e.key];
    if (next !== undefined) {
      e.preventDefault();
      go(Math.max(0, Math.min(count - 1, next)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onEnter(current);
    }
  };
  return { active: current, onKeyDown, onRowFocus: setActive };
}
