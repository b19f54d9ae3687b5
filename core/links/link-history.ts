import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { LinkRecord } from '../../common/links';
import { AppendLog } from '../storage/append-log';
import { compactLog } from '../storage/compact-log';
import { tryLock } from '../storage/file-lock';
import { LogTail } from '../storage/log-tail';
import { RetryingLog } from '../storage/retrying-log';
import { SaveTroubles } from '../storage/save-troubles';
import { watchFile } from '../storage/watch-file';
import { serialQueue } from '../storage/serial';
import { createdLine, eventLine } from './link-events';
import { importOldHistory } from './link-migration';
import { LinkReplay } from './link-replay';

/** Compaction waits until this many lines are redundant (and at least as many as there are links): rewriting the file for a few stale lines is waste. */
export const COMPACT_AFTER_REDUNDANT_LINES = 1_000;
/** Compacting even 100,000 links takes well under a second: a lock this old belongs to a process that died. */
const STALE_LOCK_MS = 30_000;

export interface LinkHistoryOptions {
  /** Overrides COMPACT_AFTER_REDUNDANT_LINES (tests compact small logs). */
  readonly compactAfter?: number;
  /** Told when the log cannot be written and when it can again (createCore shares one with the queue). */
  readonly troubles?: SaveTroubles;
}

/**
 * Every link made, newest first, in `<dataDir>/links.jsonl`: an append-only log, one JSON line
 * per event (created, relinked, deleted), shared safely by the app and the CLI (see AppendLog).
 * `add` resolves once its line is on disk; what another process appended shows up on the next
 * read. A write the disk refuses (full, read-only) keeps its lines in memory, listed as links,
 * until a later write lands (see RetryingLog). Links are not secrets (whoever has one can use it, which is the point), but the file is
 * still private to the user (0600).
 */
export class LinkHistory {
  private readonly file: string;
  private readonly log: AppendLog;
  private readonly saving: RetryingLog;
  private readonly troubles: SaveTroubles;
  /** The load problem last told to the troubles: each new one is told once. */
  private told: string | undefined;
  private readonly tail: LogTail;
  private readonly replay = new LinkReplay();
  private readonly serial = serialQueue();
  private readonly compactAfter: number;
  private opened: Promise<void> | undefined;
  private readonly problems: string[] = [];
  /** The cut-short last line found at load, and where it starts. */
  private torn: { line: string; at: number } | undefined;
  private skipped = 0;
  private compacting = false;
  /** Changes on their way to the file, counted from the call (before the history is even open). */
  private readonly writing = new Set<Promise<unknown>>();

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
    options: LinkHistoryOptions = {},
  ) {
    this.file = join(dataDir, 'links.jsonl');
    this.log = new AppendLog(this.file);
    this.tail = new LogTail(this.file);
    this.troubles = options.troubles ?? new SaveTroubles();
    this.saving = new RetryingLog(this.log, this.troubles);
    this.compactAfter = options.compactAfter ?? COMPACT_AFTER_REDUNDANT_LINES;
  }

  /** What went wrong loading the history (a line cut short by a crash, an old file that could not be imported), once it is loaded; told to the troubles too. */
  get loadProblem(): string | undefined {
    const said = [...this.problems];
    if (this.torn)
      said.push(`The last entry in ${this.file} was cut short (Signdrop stopped while writing it) and was dropped; every earlier entry was loaded.`);
    if (this.skipped > 0)
      said.push(
        `${this.skipped} damaged ${this.skipped === 1 ? 'line' : 'lines'} in ${this.file} ${this.skipped === 1 ? 'was' : 'were'} skipped; every other entry was loaded.`,
      );
    return said.length > 0 ? said.join(' ') : undefined;
  }

  /** Told when the log changed on disk, by this process or another (a CLI uploading while History is open), once per burst of writes; returns the stop. */
  onChanged(listener: () => void): () => void {
    return watchFile(this.file, listener);
  }

  async list(): Promise<LinkRecord[]> {
    await this.read();
    return [...this.replay.newestFirst()];
  }

  /**
   * Every link, newest first, without a copy: the same array until a link changes, so what is
   * computed from it (History's search index) can be kept until then. Read-only.
   */
  async snapshot(): Promise<readonly LinkRecord[]> {
    await this.read();
    return this.replay.newestFirst();
  }

  async get(id: string): Promise<LinkRecord | undefined> {
    await this.read();
    return this.replay.get(id);
  }

  /** Records a new link; resolves once it is on disk, or kept in memory when the disk refuses it (reported to the troubles). */
  async add(link: Omit<LinkRecord, 'id' | 'createdAt'>): Promise<LinkRecord> {
    const record: LinkRecord = { ...link, id: randomUUID(), createdAt: this.now().toISOString() };
    await this.append(createdLine(record));
    return record;
  }

  /**
   * Records those of `links` the history does not hold yet (by URL: a signed URL is unique),
   * in one batch; resolves with the ones added, once on disk. `flush` waits for it too.
   */
  addMissing(links: readonly Omit<LinkRecord, 'id' | 'createdAt'>[]): Promise<LinkRecord[]> {
    const work = (async () => {
      await this.read();
      const known = new Set(this.replay.newestFirst().map((l) => l.url));
      return Promise.all(links.filter((l) => !known.has(l.url)).map((l) => this.add(l)));
    })();
    this.writing.add(work);
    void work.catch(() => undefined).finally(() => this.writing.delete(work));
    return work;
  }

  /**
   * Gives a link a new URL and expiry in place; undefined when there is no such link. The entry
   * keeps the expiry it had as `replacedExpiresAt`: the old URL works until then.
   */
  async relink(id: string, url: string, expiresAt: string): Promise<LinkRecord | undefined> {
    const replacedExpiresAt = (await this.get(id))?.expiresAt;
    await this.append(eventLine({ t: 'relinked', id, url, expiresAt, at: this.now().toISOString(), ...(replacedExpiresAt ? { replacedExpiresAt } : {}) }));
    return this.get(id);
  }

  /** Marks every link to this object as deleted: they can no longer work. */
  markDeleted(profileId: string, bucket: string, key: string): Promise<void> {
    return this.append(eventLine({ t: 'deleted', profileId, bucket, key, at: this.now().toISOString() }));
  }

  /**
   * Resolves when everything added so far is on disk (written and fsynced), trying again what the
   * disk refused; rejects with UnsavedLinesError while some links are still in memory only.
   */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.writing]);
    await this.saving.flush();
  }

  private append(line: string): Promise<void> {
    // Once on disk (or kept in memory for it), our own line counts at once (reading it back later
    // changes nothing): a link just added is never missing from our list, even while another
    // process compacts the file or the disk refuses it.
    const written = this.open()
      .then(() => this.saving.append([line]))
      .then(() => void this.replay.applyLine(line, { count: false }));
    this.writing.add(written);
    void written.catch(() => undefined).finally(() => this.writing.delete(written));
    return written;
  }

  private open(): Promise<void> {
    this.opened ??= (async () => {
      await mkdir(this.dataDir, { recursive: true });
      const problem = await this.log.exclusive((write) => importOldHistory(join(this.dataDir, 'links.json'), write, this.now));
      if (problem) this.problems.push(problem);
    })().catch((e: unknown) => {
      this.opened = undefined;
      throw e;
    });
    return this.opened;
  }

  /** Replays what was appended since the last read, by any process. */
  private async read(): Promise<void> {
    await this.open();
    await this.serial(() => this.readTail());
    const problem = this.loadProblem;
    if (problem !== undefined && problem !== this.told) this.troubles.readProblem('links', this.file, (this.told = problem));
    this.compactIfWorthIt();
  }

  private async readTail(): Promise<void> {
    const firstRead = this.tail.position() === undefined && !this.torn;
    const before = this.tail.position()?.offset ?? 0;
    const { reset, lines, fragment } = await this.tail.read();
    if (reset) this.replay.newFile();
    for (const [i, line] of lines.entries()) {
      // The torn line, now followed by a newline, or the write in progress we took for one.
      if (this.torn && !reset && i === 0 && before === this.torn.at && line.startsWith(this.torn.line) && LinkReplay.isWhole(line)) this.torn = undefined;
      if (!this.replay.applyLine(line) && line !== this.torn?.line) this.skipped++;
    }
    if (fragment === undefined) return;
    // A last line without its newline: whole (applied; applying it again later changes nothing) or cut short.
    if (LinkReplay.isWhole(fragment)) this.replay.applyLine(fragment, { count: false });
    else if (firstRead) this.torn = { line: fragment, at: this.tail.position()?.offset ?? 0 };
  }

  private compactIfWorthIt(): void {
    const { lines, needed, unknown } = this.replay;
    // Lines this version cannot read were written by a newer one: compacting would lose them.
    if (this.compacting || unknown > 0 || lines - needed < Math.max(this.compactAfter, needed)) return;
    this.compacting = true;
    this.compact()
      .catch((e: unknown) => process.emitWarning(`${this.file} could not be compacted: ${(e as Error).message}`))
      .finally(() => (this.compacting = false));
  }

  /**
   * Rewrites the log with one line per link. Other processes keep appending without taking any
   * lock (compactLog copies what they append meanwhile, and they rewrite lines that land in the
   * replaced file); the O_EXCL lock only keeps two processes from compacting at the same time.
   */
  private compact(): Promise<void> {
    return this.log.exclusive(async (write) => {
      const release = await tryLock(`${this.file}.lock`, STALE_LOCK_MS);
      if (!release) return;
      try {
        // Read to the end and take the snapshot in one serial step: a read running in between
        // could move the offset past lines not yet replayed, and the new file would lack them.
        const { from, lines } = await this.serial(async () => {
          await this.readTail();
          return { from: this.tail.position(), lines: this.replay.compactedLines() };
        });
        if (from) await compactLog(this.file, from, lines, write);
      } finally {
        await release();
      }
    });
  }
}
