import type { LinkRecord } from '../../common/links';
import { readEvent, type ReadEvent } from './read-event';

/** Which object a link points to: the key `deleted` events are applied by. */
const objectKey = (l: Pick<LinkRecord, 'profileId' | 'bucket' | 'key'>): string => `${l.profileId}\n${l.bucket}\n${l.key}`;
// Ties go to the line read last: two changes in the same millisecond keep their log order.
const later = (a: string | undefined, b: string): boolean => a === undefined || b >= a;

interface Relink {
  readonly url: string;
  readonly expiresAt: string;
  readonly at: string;
  /** The expiry of the link this relink replaced, as the relinking process saw it. */
  readonly replacedExpiresAt?: string | undefined;
}

/** Adds a link to its key's entry: one id alone (nearly every key has one link), an array once there are more. */
function addTo(byKey: Map<string, string | string[]>, key: string, id: string): void {
  const known = byKey.get(key);
  if (known === undefined) byKey.set(key, id);
  else if (typeof known === 'string') byKey.set(key, [known, id]);
  else known.push(id);
}

/** A record with a relink applied: its URL and expiry, and the expiry of the link it replaced. */
const relinked = (record: LinkRecord, r: Relink): LinkRecord => {
  const { replacedExpiresAt: _, ...rest } = record;
  return { ...rest, url: r.url, expiresAt: r.expiresAt, ...(r.replacedExpiresAt ? { replacedExpiresAt: r.replacedExpiresAt } : {}) };
};

/**
 * The history as the log's events replay to. Replay gives the same result whatever the order of
 * the events and however often one repeats, because a compaction racing another process's append
 * can repeat a batch or move it after a later one: `created` is taken once per id; a relink wins
 * when it is the latest (by its time); a deletion marks the object's links made up to its time,
 * and is remembered for links whose `created` comes later. Links are kept in order of their
 * first `created` line (oldest first).
 */
export class LinkReplay {
  private readonly records = new Map<string, LinkRecord>();
  /**
   * The links of each object key, for `deleted` events: built when the first one comes, since
   * most histories hold none. Keyed by the key alone, a string each record already holds: a
   * key built of profile, bucket and key for 100,000 links would cost a start-up more than the
   * rest of the replay, and a key in two buckets is rare enough to tell apart when deleting.
   */
  private byKey: Map<string, string | string[]> | undefined;
  private readonly relinks = new Map<string, Relink>();
  private readonly deletions = new Map<string, string>();
  private newest: LinkRecord[] | undefined;
  /** Non-empty lines read from the current file, good or not: what compaction would shrink. */
  lines = 0;
  /** JSON lines that are no event we know (written by a newer version): kept, so never compacted away. */
  unknown = 0;

  get size(): number {
    return this.records.size;
  }

  /** How many lines a compacted log needs: one per link, per deleted object, per relink whose link is missing. */
  get needed(): number {
    return this.records.size + this.deletions.size + [...this.relinks.keys()].filter((id) => !this.records.has(id)).length;
  }

  /**
   * The file was replaced (compacted) and is read again from its start. What is known stays:
   * the new file replays to the same links, and a link whose line the compaction is still
   * copying over must not vanish from a list meanwhile. Only the line counts start over.
   */
  newFile(): void {
    this.lines = this.unknown = 0;
  }

  /** Applies one line; false when it is not JSON (damaged). `count: false` for a last line read again later. */
  applyLine(line: string, { count = true } = {}): boolean {
    if (count) this.lines++;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return false;
    }
    const event = readEvent(json);
    if (event) this.apply(event);
    else if (count) this.unknown++;
    return true;
  }

  /** Whether a line parses as JSON at all: a line cut short does not. */
  static isWhole(line: string): boolean {
    try {
      JSON.parse(line);
      return true;
    } catch {
      return false;
    }
  }

  get(id: string): LinkRecord | undefined {
    return this.records.get(id);
  }

  /** Newest first, as the History view shows them. */
  newestFirst(): readonly LinkRecord[] {
    this.newest ??= [...this.records.values()].reverse();
    return this.newest;
  }

  /** The log compacted: one `created` line per link (oldest first, with its latest relink's time), then what may still apply to links not seen yet. */
  compactedLines(): string[] {
    const lines = [...this.records.values()].map((r) => JSON.stringify({ t: 'created', ...r, relinkedAt: this.relinks.get(r.id)?.at }));
    for (const [id, r] of this.relinks) if (!this.records.has(id)) lines.push(JSON.stringify({ t: 'relinked', id, ...r }));
    for (const [key, at] of this.deletions) {
      const [profileId, bucket, ...rest] = key.split('\n');
      lines.push(JSON.stringify({ t: 'deleted', profileId, bucket, key: rest.join('\n'), at }));
    }
    return lines;
  }

  private apply(event: ReadEvent): void {
    if (event.t === 'created') {
      const { record, relinkedAt } = event;
      if (this.records.has(record.id)) return this.merge(record, relinkedAt);
      if (this.byKey) addTo(this.byKey, record.key, record.id);
      // A compacted line carries its latest relink; a relink read before its link waits in `relinks`.
      if (relinkedAt && later(this.relinks.get(record.id)?.at, relinkedAt))
        this.relinks.set(record.id, { url: record.url, expiresAt: record.expiresAt, at: relinkedAt, replacedExpiresAt: record.replacedExpiresAt });
      // The maps are empty for nearly every line read at start: no lookup, no key built, then.
      const relink = this.relinks.size > 0 ? this.relinks.get(record.id) : undefined;
      this.set(relink ? relinked(record, relink) : record);
      const deleted = this.deletions.size > 0 ? this.deletions.get(objectKey(record)) : undefined;
      if (deleted) this.markDeleted(record.id, deleted);
    } else if (event.t === 'relinked') {
      this.relink(event.id, event);
    } else {
      const key = objectKey(event);
      if (later(this.deletions.get(key), event.at)) this.deletions.set(key, event.at);
      for (const id of this.linksWithKey(event.key)) {
        const record = this.records.get(id)!;
        if (record.profileId === event.profileId && record.bucket === event.bucket) this.markDeleted(id, event.at);
      }
    }
  }

  /** The ids of the links to objects with this key (in any bucket), indexing every link the first time it is asked. */
  private linksWithKey(key: string): readonly string[] {
    if (!this.byKey) {
      this.byKey = new Map();
      for (const record of this.records.values()) addTo(this.byKey, record.key, record.id);
    }
    const ids = this.byKey.get(key);
    return typeof ids === 'string' ? [ids] : (ids ?? []);
  }

  /** A `created` line for a link already known (a repeat, or a compacted line read after the originals): only its later state counts. */
  private merge(line: LinkRecord, relinkedAt: string | undefined): void {
    if (relinkedAt) this.relink(line.id, { url: line.url, expiresAt: line.expiresAt, at: relinkedAt, replacedExpiresAt: line.replacedExpiresAt });
    if (line.deletedAt) this.markDeleted(line.id, line.deletedAt);
  }

  private relink(id: string, relink: Relink): void {
    if (!later(this.relinks.get(id)?.at, relink.at)) return;
    const latest: Relink = { url: relink.url, expiresAt: relink.expiresAt, at: relink.at, replacedExpiresAt: relink.replacedExpiresAt };
    this.relinks.set(id, latest);
    const record = this.records.get(id);
    if (record) this.set(relinked(record, latest));
  }

  /** A deletion ends the links made up to its time; a link made later (the same key uploaded again) lives on. */
  private markDeleted(id: string, at: string): void {
    const record = this.records.get(id)!;
    if (record.createdAt <= at && later(record.deletedAt, at)) this.set({ ...record, deletedAt: at });
  }

  private set(record: LinkRecord): void {
    // Map.set on a known id keeps its place: an update does not move a link to the top.
    this.records.set(record.id, record);
    this.newest = undefined;
  }
}
