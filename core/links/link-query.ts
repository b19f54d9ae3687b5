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
  /** When each link stops working (ms): its expiry, or -Infinity once its object is deleted. */
  readonly stops: Float64Array;
}

/** One link's part of the index. A record is replaced, never changed, when its link changes. */
interface Indexed {
  readonly haystack: string;
  readonly stops: number;
}

// Keyed by the history's own newest-first array, which is replaced whenever a link changes.
const indexes = new WeakMap<readonly LinkRecord[], LinkIndex>();
// Keyed by record: a new version of the history reuses what every unchanged link had, so a link
// added while uploads finish costs one lowercased string, not 100,000 of them.
const perLink = new WeakMap<LinkRecord, Indexed>();

function indexedLink(link: LinkRecord): Indexed {
  let indexed = perLink.get(link);
  if (!indexed) {
    indexed = { haystack: `${link.name}\n${link.key}`.toLowerCase(), stops: link.deletedAt ? -Infinity : Date.parse(link.expiresAt) };
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
    const stops = new Float64Array(links.length);
    const haystacks = links.map((l, i) => {
      const indexed = indexedLink(l);
      stops[i] = indexed.stops;
      return indexed.haystack;
    });
    index = { haystacks, stops };
    indexes.set(links, index);
  }
  return index;
}

/** Searches remembered per version of the history: backspacing returns to one of them. */
const REMEMBERED_SEARCHES = 16;
let searches: { links: readonly LinkRecord[]; byNeedle: Map<string, Int32Array> } | undefined;

/**
 * The positions whose name or key contain `needle`. A search typed before (backspace) is
 * remembered; one that extends a remembered search looks only at that search's matches.
 */
function searchPositions(links: readonly LinkRecord[], { haystacks }: LinkIndex, needle: string): Int32Array {
  if (searches?.links !== links) searches = { links, byNeedle: new Map() };
  const { byNeedle } = searches;
  const known = byNeedle.get(needle);
  if (known) return known;
  let candidates: Int32Array | undefined;
  for (const [prior, positions] of byNeedle) if (needle.includes(prior) && (!candidates || positions.length < candidates.length)) candidates = positions;
  // Typed arrays, not pushed numbers: a search matching all 100,000 links is one allocation.
  const found = new Int32Array(candidates ? candidates.length : links.length);
  let m = 0;
  if (candidates) {
    for (const i of candidates) if (haystacks[i]!.includes(needle)) found[m++] = i;
  } else {
    for (let i = 0; i < links.length; i++) if (haystacks[i]!.includes(needle)) found[m++] = i;
  }
  const positions = found.slice(0, m);
  byNeedle.set(needle, positions);
  if (byNeedle.size > REMEMBERED_SEARCHES) byNeedle.delete(byNeedle.keys().next().value!);
  return positions;
}

/** Which links each filter shows, by state: [stopped working, stops within a day, works longer]. */
const WANTED: Readonly<Record<LinkFilter, readonly [boolean, boolean, boolean]>> = {
  all: [true, true, true],
  active: [false, true, true],
  expiring: [false, true, false],
  expired: [true, false, false],
};

/**
 * The positions (in `links`) matching a search and filter, and the counts under every filter.
 * One pass over plain numbers: every page asked for, and every keystroke, runs it over up to
 * 100,000 links, so it allocates nothing per link.
 */
export function matchLinks(links: readonly LinkRecord[], query: Omit<LinkQuery, 'offset' | 'limit'>): { matches: Int32Array; counts: LinkPage['counts'] } {
  const index = indexLinks(links);
  const needle = query.search.trim().toLowerCase();
  const found = needle ? searchPositions(links, index, needle) : undefined;
  const n = found ? found.length : links.length;
  const { now } = query;
  const soon = now + EXPIRING_WITHIN_MS;
  const [wantStopped, wantExpiring, wantLonger] = WANTED[query.filter];
  const matches = new Int32Array(n);
  let m = 0;
  let expired = 0;
  let expiring = 0;
  for (let k = 0; k < n; k++) {
    const i = found ? found[k]! : k;
    const stops = index.stops[i]!;
    if (stops <= now) {
      expired++;
      if (wantStopped) matches[m++] = i;
    } else if (stops <= soon) {
      expiring++;
      if (wantExpiring) matches[m++] = i;
    } else if (wantLonger) matches[m++] = i;
  }
  // Active counts every link that still works, those expiring within a day too.
  return { matches: matches.subarray(0, m), counts: { all: n, active: n - expired, expiring, expired } };
}

/** One page of the matches of a query, newest first. */
export function queryLinks(links: readonly LinkRecord[], query: LinkQuery): LinkPage {
  const { matches, counts } = matchLinks(links, query);
  const rows = Array.from(matches.subarray(query.offset, query.offset + query.limit), (i) => links[i]!);
  return { total: matches.length, offset: query.offset, rows, counts };
}
