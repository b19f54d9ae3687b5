import { useCallback, useEffect, useRef, useState } from 'react';
import type { LinkFilter, LinkPage, LinkRecord } from '../../common/links';
import type { AppError } from '../../common/result';
import { api } from '../api';

/**
 * Rows per page. Main keeps the history and answers windows of it: 100,000 links with their
 * 500-character URLs are tens of megabytes, too much to send and hold for a view that shows twenty.
 * A new search waits for its first page only, so that page is about one tall window of rows:
 * every row more is bytes to send and parse before the keystroke's answer shows.
 */
export const HISTORY_PAGE = 25;
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
  /**
   * The search and filter the rows shown answer. It changes when a new search's first page
   * arrives, not at the keystroke: until then the list keeps its rows and its place.
   */
  readonly answers: string | undefined;
}

interface Loaded {
  /** Which search/filter/reload these pages answer. */
  readonly generation: number;
  readonly answers: string | undefined;
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
  const [loaded, setLoaded] = useState<Loaded>({ generation: 0, answers: undefined, total: undefined, counts: undefined, pages: new Map() });
  const [error, setError] = useState<AppError>();
  const [asking, setAsking] = useState(0);
  const [answered, setAnswered] = useState({ generation: 0, query: '' });
  const generation = useRef(0);
  const inView = useRef<[number, number]>([0, 0]);
  const asked = useRef(new Set<number>());
  const query = useRef({ search, filter });
  query.current = { search, filter };

  /** Pages `first` to `last` in one request: scrolling asks for several pages at once, and each request costs a round trip. */
  const fetchPages = useCallback(async (gen: number, first: number, last: number) => {
    const { search: s, filter: f } = query.current;
    const r = await api().links.query({ search: s, filter: f, now: Date.now(), offset: first * HISTORY_PAGE, limit: (last - first + 1) * HISTORY_PAGE });
    if (gen !== generation.current) return;
    setAnswered({ generation: gen, query: `${s}\n${f}` });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    const { rows, total, counts } = r.value;
    setLoaded((old) => {
      const map = new Map(old.generation === gen ? old.pages : []);
      for (let p = first; p <= last; p++) map.set(p, rows.slice((p - first) * HISTORY_PAGE, (p - first + 1) * HISTORY_PAGE));
      return { generation: gen, answers: `${s}\n${f}`, total, counts, pages: map };
    });
  }, []);

  /** A new generation: every page is asked for again; `pages` are fetched together and replace the old ones at once. */
  const restart = useCallback(
    (pages: number[]) => {
      const gen = ++generation.current;
      setAsking(gen);
      asked.current = new Set(pages);
      void fetchPages(gen, pages[0]!, pages.at(-1)!);
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
      // A gap of pages already there between the missing ones is asked for again: one request, not several.
      void fetchPages(generation.current, missing[0]!, missing.at(-1)!);
    },
    [fetchPages],
  );

  const at = useCallback((index: number) => loaded.pages.get(Math.floor(index / HISTORY_PAGE))?.[index % HISTORY_PAGE], [loaded]);
  // Busy from the keystroke's own render on, not only once the effect above has asked.
  const pending = answered.generation < asking || answered.query !== `${search}\n${filter}`;
  return { total: loaded.total, counts: loaded.counts, at, show, reload, error, pending, answers: loaded.answers };
}
