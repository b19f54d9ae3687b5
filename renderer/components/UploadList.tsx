import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import type { UploadItem } from '../../common/uploads';
import { useRowFocus, type RevealRequest } from './keyboard/use-row-focus';
import { UploadRow, type RowHandlers } from './UploadRow';

/** Rows are measured as they render; this is only the first guess. */
const ESTIMATED_ROW_PX = 64;

/**
 * The queue, virtualized: only the rows in view exist in the DOM, so 10,000 files
 * scroll as smoothly as ten.
 */
interface Props {
  readonly items: readonly UploadItem[];
  /** The one row that says "Copied" now. */
  readonly copiedId: string | undefined;
  /** Must be stable across progress batches (memoized by the caller). */
  readonly handlers: RowHandlers;
  /** A row to bring into view and focus (a failure the header points at); a new object each time. */
  readonly reveal?: RevealRequest | undefined;
}

export function UploadList({ items, copiedId, handlers, reveal }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  // A stable key function: a new one per progress batch would make the virtualizer re-measure
  // every row. Order changes only when the count does, so the latest items are enough.
  const latest = useRef(items);
  latest.current = items;
  const getItemKey = useCallback((index: number) => latest.current[index]!.id, []);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey,
    overscan: 6,
  });
  const { scrollToIndex } = virtualizer;
  const scrollTo = useCallback((index: number) => scrollToIndex(index, { align: 'auto' }), [scrollToIndex]);
  const rowAt = useCallback((index: number) => scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"] > [role="listitem"]`) ?? null, []);
  const indexOf = useCallback((id: string) => latest.current.findIndex((i) => i.id === id), []);
  const { onCopy } = handlers;
  const onEnter = useCallback(
    (index: number) => {
      const item = latest.current[index];
      if (item?.link) onCopy(item);
    },
    [onCopy],
  );
  const focus = useRowFocus({ count: items.length, indexOf, scrollTo, rowAt, onEnter, reveal });

  // New rows arrive at the end: the list follows them to the first one added, so a drop is seen at once.
  const shown = useRef(items.length);
  useEffect(() => {
    if (items.length > shown.current) scrollToIndex(shown.current, { align: 'start' });
    shown.current = items.length;
  }, [items.length, scrollToIndex]);

  return (
    <div ref={scroller} className="uploads-scroller" role="list" aria-label="Uploads" onKeyDown={focus.onKeyDown}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            className="upload-slot"
            style={{ transform: `translateY(${row.start}px)` }}
            onFocus={() => focus.onRowFocus(row.index)}
          >
            <UploadRow item={items[row.index]!} copied={items[row.index]!.id === copiedId} handlers={handlers} tabbable={row.index === focus.active} />
          </div>
        ))}
      </div>
    </div>
  );
}
