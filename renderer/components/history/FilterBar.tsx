import { LINK_FILTERS, type LinkFilter, type LinkPage } from '../../../common/links';

const LABELS: Readonly<Record<LinkFilter, string>> = {
  all: 'All',
  active: 'Active',
  expiring: 'Expiring within a day',
  expired: 'Expired or deleted',
};

interface Props {
  readonly search: string;
  readonly onSearch: (search: string) => void;
  readonly filter: LinkFilter;
  readonly onFilter: (filter: LinkFilter) => void;
  /** How many links match the search under each filter; undefined until main answers. */
  readonly counts: LinkPage['counts'] | undefined;
}

/** History's title, search box and filters, each filter with how many links it would show. */
export function FilterBar({ search, onSearch, filter, onFilter, counts }: Props) {
  return (
    <div className="history-bar">
      <h2 id="history-title">Link history</h2>
      <div role="group" aria-label="Show" className="history-filters">
        {LINK_FILTERS.map((f) => (
          <button key={f} type="button" className="secondary" aria-pressed={filter === f} onClick={() => onFilter(f)}>
            {LABELS[f]}
            {counts && <span className="count"> {counts[f].toLocaleString()}</span>}
          </button>
        ))}
      </div>
      <label className="inline">
        Search
        <input type="search" value={search} onChange={(e) => onSearch(e.target.value)} placeholder="File name or key" />
      </label>
    </div>
  );
}
