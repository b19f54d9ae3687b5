import { useCallback, useEffect, useRef, useState } from 'react';
import type { LinkFilter, LinkPage, LinkRecord } from '../../common/links';
import type { AppError } from '../../common/result';
import { api } from '../api';

/**
 * Rows per request. Main keeps the history and answers windows of it: 100,000 links with their
 * 500-character URLs are tens of megabytes, too much to send and hold for a view that shows twenty.
 */
export const HISTORY_PAGE = 100;
/** Filters judge expiry at the view's clock; the matches are asked for again this often, so they follow time. */
const REFRESH_MS = 60_000;

export interface HistoryPages {
  /** How many links match; undefined until main first answers. */
  readonly total: number | undefined;
  readonly counts: LinkPage['counts'] | undefined;
  /** The link at a row of the matches, once its page is loaded. */
  at(index: number): LinkRecord | undefined;
  /** The rows in view: their pages are asked for if missing. */
  show(first: number, last: number): void;
  /** Asks again for the pages in view (after a change), keeping the rows shown until the answer. */
  reload(): void;
  readonly error: AppError | undefined;
  /** True while the rows shown answer an older search, filter or reload than the latest. */
  readonly pending: boolean;
}

interface Loaded {
  /** Which search/filter/reload these pages answer. */
  readonly generation: number;
  readonly total: number | undefined;
  readonly counts: LinkPage['counts'] | undefined;
  readonly pages: ReadonlyMap<number, readonly LinkRecord[]>;
}

const pagesOf = (first: number, last: number): number[] => {
  const out: number[] = [];
  for (let p = Math.floor(Math.max(0, first) / HISTORY_PAGE); p <= Math.floor(Math.max(0, last) / HISTORY_PAGE); p++) out.push(p);
  return out;
};

/**
 * History's rows, a page at a time, for a search and filter. A new search answers with its first
 * page; the previous rows stay on screen until then, and answers to an older search are dropped.
 */
export function useHistoryPages(search: string, filter: LinkFilter): HistoryPages {
  const [loaded, setLoaded] = useState<Loaded>({ generation: 0, total: undefined, counts: undefined, pages: new Map() });
  const [error, setError] = useState<AppError>();
  const [asking, setAsking] = useState(0);
  const [answered, setAnswered] = useState(0);
  const generation = useRef(0);
  const inView = useRef<[number, number]>([0, 0]);
  const asked = useRef(new Set<number>());
  const query = useRef({ search, filter });
  query.current = { search, filter };

  const fetchPages = useCallback(async (gen: number, pages: number[]) => {
    const { search: s, filter: f } = query.current;
    const now = Date.now();
    const answers = await Promise.all(pages.map((p) => api().links.query({ search: s, filter: f, now, offset: p * HISTORY_PAGE, limit: HISTORY_PAGE })));
    if (gen !== generation.current) return;
    setAnswered(gen);
    const failed = answers.find((r) => !r.ok);
    if (failed && !failed.ok) return setError(failed.error);
    setError(undefined);
    setLoaded((old) => {
      const fresh = old.generation === gen;
      const map = new Map(fresh ? old.pages : []);
      let latest: LinkPage | undefined;
      answers.forEach((r, i) => {
        if (!r.ok) return;
        map.set(pages[i]!, r.value.rows);
        latest = r.value;
      });
      return { generation: gen, total: latest?.total ?? old.total, counts: latest?.counts ?? old.counts, pages: map };
    });
  }, []);

  /** A new generation: every page is asked for again; `pages` are fetched together and replace the old ones at once. */
  const restart = useCallback(
    (pages: number[]) => {
      const gen = ++generation.current;
      setAsking(gen);
      asked.current = new Set(pages);
      void fetchPages(gen, pages);
    },
    [fetchPages],
  );

  // A new search or filter starts from the top (the list scrolls back there).
  useEffect(() => restart([0]), [search, filter, restart]);

  const reload = useCallback(() => restart(pagesOf(...inView.current)), [restart]);
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const show = useCallback(
    (first: number, last: number) => {
      inView.current = [first, last];
      const missing = pagesOf(first, last).filter((p) => !asked.current.has(p));
      if (missing.length === 0) return;
      for (const p of missing) asked.current.add(p);
      void fetchPages(generation.current, missing);
    },
    [fetchPages],
  );

  const at = useCallback((index: number) => loaded.pages.get(Math.floor(index / HISTORY_PAGE))?.[index % HISTORY_PAGE], [loaded]);
  return { total: loaded.total, counts: loaded.counts, at, show, reload, error, pending: answered < asking };
}
