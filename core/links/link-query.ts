import { EXPIRING_WITHIN_MS, type LinkFilter, type LinkPage, type LinkRecord } from '../../common/links';

/** What History asks for: a search, a filter, a window of rows, and the moment the view shows. */
export interface LinkQuery {
  readonly search: string;
  readonly filter: LinkFilter;
  readonly offset: number;
  readonly limit: number;
  /** The view's clock (ms), so its rows' countdowns and the filter agree. */
  readonly now: number;
}

/**
 * What a search compares, per version of the history: lowercased once, not per keystroke, and
 * expiries parsed once, not per filter. 100,000 links take a few milliseconds to search.
 */
export interface LinkIndex {
  readonly haystacks: readonly string[];
  readonly expires: Float64Array;
  readonly deleted: Uint8Array;
}

/** One link's part of the index. A record is replaced, never changed, when its link changes. */
interface Indexed {
  readonly haystack: string;
  readonly expires: number;
}

// Keyed by the history's own newest-first array, which is replaced whenever a link changes.
const indexes = new WeakMap<readonly LinkRecord[], LinkIndex>();
// Keyed by record: a new version of the history reuses what every unchanged link had, so a link
// added while uploads finish costs one lowercased string, not 100,000 of them.
const perLink = new WeakMap<LinkRecord, Indexed>();

function indexedLink(link: LinkRecord): Indexed {
  let indexed = perLink.get(link);
  if (!indexed) {
    indexed = { haystack: `${link.name}\n${link.key}`.toLowerCase(), expires: Date.parse(link.expiresAt) };
    perLink.set(link, indexed);
  }
  return indexed;
}

/**
 * The search index of a version of the history, built when first asked for and kept until the
 * next version. Call it ahead (the app does at start) so the first search finds it ready.
 */
export function indexLinks(links: readonly LinkRecord[]): LinkIndex {
  let index = indexes.get(links);
  if (!index) {
    const expires = new Float64Array(links.length);
    const deleted = new Uint8Array(links.length);
    const haystacks = links.map((l, i) => {
      const indexed = indexedLink(l);
      expires[i] = indexed.expires;
      deleted[i] = l.deletedAt ? 1 : 0;
      return indexed.haystack;
    });
    index = { haystacks, expires, deleted };
    indexes.set(links, index);
  }
  return index;
}

/** Searches remembered per version of the history: backspacing returns to one of them. */
const REMEMBERED_SEARCHES = 16;
let searches: { links: readonly LinkRecord[]; byNeedle: Map<string, readonly number[]> } | undefined;

/**
 * The positions whose name or key contain `needle`. A search typed before (backspace) is
 * remembered; one that extends a remembered search looks only at that search's matches.
 */
function searchPositions(links: readonly LinkRecord[], index: LinkIndex, needle: string): readonly number[] {
  if (searches?.links !== links) searches = { links, byNeedle: new Map() };
  const { byNeedle } = searches;
  const known = byNeedle.get(needle);
  if (known) return known;
  let candidates: readonly number[] | undefined;
  for (const [prior, positions] of byNeedle) if (needle.includes(prior) && (!candidates || positions.length < candidates.length)) candidates = positions;
  const positions: number[] = [];
  if (candidates) {
    for (const i of candidates) if (index.haystacks[i]!.includes(needle)) positions.push(i);
  } else {
    for (let i = 0; i < links.length; i++) if (index.haystacks[i]!.includes(needle)) positions.push(i);
  }
  byNeedle.set(needle, positions);
  if (byNeedle.size > REMEMBERED_SEARCHES) byNeedle.delete(byNeedle.keys().next().value!);
  return positions;
}

/** Every filter's test on one link, by its index position. */
function stateAt(index: LinkIndex, i: number, now: number): 'active' | 'expiring' | 'expired' {
  const left = index.expires[i]! - now;
  if (index.deleted[i] || left <= 0) return 'expired';
  return left <= EXPIRING_WITHIN_MS ? 'expiring' : 'active';
}

/** The positions (in `links`) matching a search and filter, and the counts under every filter. */
export function matchLinks(links: readonly LinkRecord[], query: Omit<LinkQuery, 'offset' | 'limit'>): { matches: number[]; counts: LinkPage['counts'] } {
  const index = indexLinks(links);
  const needle = query.search.trim().toLowerCase();
  const counts = { all: 0, active: 0, expiring: 0, expired: 0 };
  const matches: number[] = [];
  const found = needle ? searchPositions(links, index, needle) : undefined;
  const n = found ? found.length : links.length;
  for (let k = 0; k < n; k++) {
    const i = found ? found[k]! : k;
    const state = stateAt(index, i, query.now);
    counts.all++;
    counts[state]++;
    if (state === 'expiring') counts.active++;
    const wanted = query.filter === 'all' || query.filter === state || (query.filter === 'active' && state === 'expiring');
    if (wanted) matches.push(i);
  }
  return { matches, counts };
}

/** One page of the matches of a query, newest first. */
export function queryLinks(links: readonly LinkRecord[], query: LinkQuery): LinkPage {
  const { matches, counts } = matchLinks(links, query);
  const rows = matches.slice(query.offset, query.offset + query.limit).map((i) => links[i]!);
  return { total: matches.length, offset: query.offset, rows, counts };
}
