import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef } from 'react';
import type { UploadItem } from '../../common/uploads';
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
}

export function UploadList({ items, copiedId, handlers }: Props) {
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
  return (
    <div ref={scroller} className="uploads-scroller" role="list" aria-label="Uploads">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            className="upload-slot"
            style={{ transform: `translateY(${row.start}px)` }}
          >
            <UploadRow item={items[row.index]!} copied={items[row.index]!.id === copiedId} handlers={handlers} />
          </div>
        ))}
      </div>
    </div>
  );
}
