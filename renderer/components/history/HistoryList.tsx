import { useVirtualizer, type Rect } from '@tanstack/react-virtual';
import { useEffect, useRef, type RefObject } from 'react';
import type { AppError } from '../../../common/result';
import { useNow } from '../../hooks';
import type { HistoryPages } from '../../state/history-pages';
import type { HistorySelection } from '../../state/history-selection';
import { HistoryRow } from './HistoryRow';

/**
 * A row's height with the gap below it (styles.css gives every row this height). Exact, so the
 * measurement of a row in view matches and nothing below it is recomputed; only a row with a
 * panel open differs, and is measured.
 */
const HISTORY_ROW_PX = 90;
/** Rows beyond the view whose pages are asked for ahead, so scrolling rarely shows a row still loading. */
const PREFETCH_ROWS = 60;

/** The list's size, kept across lists (a new search starts a new one) so a new list knows from its first render which rows fit. */
export type ListSize = Rect | undefined;

interface Props {
  readonly rows: HistoryPages;
  readonly selection: HistorySelection;
  readonly size: RefObject<ListSize>;
  readonly defaultExpiry: (profileId: string) => number;
  readonly onError: (e: AppError) => void;
}

/**
 * The matches, virtualized: only the rows in view exist in the DOM and tick their countdowns, all
 * on the one clock of this list, so 100,000 links cost what twenty do.
 */
export function HistoryList({ rows, selection, size, defaultExpiry, onError }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const now = useNow();
  // Slots are keyed by their place (the default), which costs nothing per row of the 100,000 when
  // the count changes; the row inside is keyed by its link, so an open panel stays with its link.
  const virtualizer = useVirtualizer({
    count: rows.total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => HISTORY_ROW_PX,
    overscan: 4,
    ...(size.current && { initialRect: size.current }),
    onChange: (v) => {
      size.current = v.scrollRect ?? undefined;
    },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { show, reload } = rows;
  const total = rows.total ?? 0;
  useEffect(() => show(Math.max(0, first - PREFETCH_ROWS), Math.min(total - 1, last + PREFETCH_ROWS)), [show, first, last, total]);
  const { toggle } = selection;

  return (
    <div ref={scroller} className="uploads-scroller" role="list" aria-label="Links" aria-busy={rows.pending}>
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
                  key={link.id}
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
