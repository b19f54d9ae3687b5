import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import type { AppError } from '../../../common/result';
import { useNow } from '../../hooks';
import type { HistoryPages } from '../../state/history-pages';
import type { HistorySelection } from '../../state/history-selection';
import { HistoryRow } from './HistoryRow';

/** Rows are measured as they render; this is only the first guess (a live link's row, with its tools). */
const ESTIMATED_ROW_PX = 120;

interface Props {
  readonly rows: HistoryPages;
  readonly selection: HistorySelection;
  /** Scrolls back to the top when it changes (a new search or filter). */
  readonly resetKey: string;
  readonly defaultExpiry: (profileId: string) => number;
  readonly onError: (e: AppError) => void;
}

/**
 * The matches, virtualized: only the rows in view exist in the DOM and tick their countdowns, all
 * on the one clock of this list, so 100,000 links cost what twenty do.
 */
export function HistoryList({ rows, selection, resetKey, defaultExpiry, onError }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const now = useNow();
  const latest = useRef(rows);
  latest.current = rows;
  // A loaded row keeps its key (its link) whatever page it came in; a row not yet loaded has its place.
  const getItemKey = useCallback((index: number) => latest.current.at(index)?.id ?? `row-${index}`, []);
  const virtualizer = useVirtualizer({
    count: rows.total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey,
    overscan: 4,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { show, reload } = rows;
  useEffect(() => show(first, last), [show, first, last]);
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [resetKey]);
  const { toggle } = selection;

  return (
    <div ref={scroller} className="uploads-scroller" role="list" aria-label="Links">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const link = rows.at(item.index);
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="upload-slot"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {link ? (
                <HistoryRow
                  link={link}
                  now={now}
                  selected={selection.has(link.id)}
                  onSelect={toggle}
                  defaultExpiry={defaultExpiry(link.profileId)}
                  onChanged={reload}
                  onError={onError}
                />
              ) : (
                <div className="history-row history-pending" aria-hidden="true" />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
