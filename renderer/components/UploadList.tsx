import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { QueueAction, UploadItem } from '../../common/uploads';
import { UploadRow } from './UploadRow';

/** Rows are measured as they render; this is only the first guess. */
const ESTIMATED_ROW_PX = 96;

/**
 * The queue, virtualized: only the rows in view exist in the DOM, so 10,000 files
 * scroll as smoothly as ten.
 */
interface Props {
  readonly items: readonly UploadItem[];
  readonly onAction: (action: QueueAction, id: string) => void;
}

export function UploadList({ items, onAction }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey: (index) => items[index]!.id,
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
            <UploadRow item={items[row.index]!} onAction={onAction} />
          </div>
        ))}
      </div>
    </div>
  );
}
