import { useCallback, useEffect, useRef, useState } from 'react';
import type { LinkFilter } from '../../common/links';
import type { ProfileView } from '../../common/profile';
import type { AppError } from '../../common/result';
import { api } from '../api';
import { useHistoryPages } from '../state/history-pages';
import { useHistorySelection } from '../state/history-selection';
import { BulkBar } from './history/BulkBar';
import { CleanupExpired } from './history/CleanupExpired';
import { FilterBar } from './history/FilterBar';
import { HistoryList, type ListSize } from './history/HistoryList';

interface Props {
  /** A new link starts from the default expiry of the profile that made the old one. */
  readonly profiles: readonly ProfileView[];
  /** Whose default a link of a removed profile starts from. */
  readonly selected: ProfileView;
}

/**
 * Every link made: searchable, filtered by whether it still works, counting down, renewable in
 * place, revocable by deleting the object, and all of that for many links at once. Main holds the
 * history and answers a page of matches at a time (state/history-pages.ts).
 */
export function HistoryView({ profiles, selected }: Props) {
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<LinkFilter>('all');
  const [error, setError] = useState<AppError>();
  const rows = useHistoryPages(search, filter);
  // Links the CLI makes while History is open show up as they are saved, as this app's own do.
  const { reload } = rows;
  useEffect(() => api().links.onChanged(reload), [reload]);
  const listSize = useRef<ListSize>(undefined);
  const selection = useHistorySelection();
  const defaultExpiry = useCallback((profileId: string) => (profiles.find((p) => p.id === profileId) ?? selected).defaultExpirySeconds, [profiles, selected]);
  const { set: selectOnly } = selection;
  const selectAll = useCallback(async () => {
    const r = await api().links.matchingIds({ search, filter, now: Date.now() });
    if (r.ok) selectOnly(r.value);
    else setError(r.error);
  }, [search, filter, selectOnly]);

  const shownError = error ?? rows.error;
  const empty = rows.total === 0;
  return (
    <section className="history-view" aria-labelledby="history-title">
      <FilterBar search={search} onSearch={setSearch} filter={filter} onFilter={setFilter} counts={rows.counts} />
      {shownError && (
        <p role="alert" className="error">
          {shownError.message}
        </p>
      )}
      {selection.ids.size > 0 ? (
        <BulkBar ids={selection.ids} defaultExpiry={selected.defaultExpirySeconds} onChanged={rows.reload} onClear={selection.clear} onError={setError} />
      ) : (
        rows.total !== undefined && (
          <div className="bulk-bar">
            {!empty && (
              <button type="button" className="secondary" onClick={() => void selectAll()}>
                Select all {rows.total.toLocaleString()}
              </button>
            )}
            <CleanupExpired onChanged={rows.reload} onError={setError} />
          </div>
        )
      )}
      {empty && <p className="hint">{rows.counts?.all === 0 && !search ? 'Links you make appear here.' : 'No link matches.'}</p>}
      {/* A new search's answer starts a new list, at the top: its rows are drawn once, in the commit that brings them. */}
      <HistoryList key={rows.answers} rows={rows} selection={selection} size={listSize} defaultExpiry={defaultExpiry} onError={setError} />
    </section>
  );
}
