import { open, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncDir } from './sync-dir';

/** A compaction may replace the file between our check and our write; more than this in a row means something else is wrong. */
const MAX_REPLACED_RETRIES = 5;
const NEWLINE = 0x0a;

interface Batch {
  readonly lines: string[];
  readonly done: Promise<void>;
  resolve(): void;
  reject(e: unknown): void;
}

/** Writes whole lines at once: the file's lines as they go to disk in one `write`. */
export type LineWriter = (lines: readonly string[]) => Promise<void>;

/**
 * Appends lines to a file that other processes append to as well (the app and the CLI).
 *
 * - Group commit: lines appended while the previous write and fsync run (or in the same turn of
 *   the event loop) go out together, as one `write` on an O_APPEND descriptor followed by fsync.
 *   O_APPEND makes each write land whole at the end of the file, so two processes never
 *   interleave inside a line; one write per batch keeps a batch's lines together.
 * - A file whose last line was cut short (a crash mid-write) gets a newline first, so the next
 *   line never glues onto the torn one.
 * - The file may be replaced by a compacted copy (rename). A write that went to the replaced
 *   file is written again to the new one; the log's events are idempotent, so a line the
 *   compaction already copied costs nothing but a duplicate.
 */
export class AppendLog {
  private batch: Batch | undefined;
  private chain: Promise<void> = Promise.resolve();
  private lastDone: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  /** Queues lines; resolves once they are on disk (written and fsynced). */
  append(lines: readonly string[]): Promise<void> {
    if (!this.batch) {
      const batch = deferredBatch();
      this.batch = batch;
      this.lastDone = batch.done;
      this.enqueue(async () => {
        // Lines appended in this same turn join the batch; later ones start the next.
        await new Promise((resolve) => setImmediate(resolve));
        if (this.batch === batch) this.batch = undefined;
        await this.write(batch.lines).then(batch.resolve, batch.reject);
      });
    }
    this.batch.lines.push(...lines);
    return this.batch.done;
  }

  /** Resolves when every line appended so far is on disk; rejects if the last batch failed. */
  flush(): Promise<void> {
    return this.lastDone;
  }

  /** Runs `task` between batches (nothing of ours is being written meanwhile); it may write lines itself. */
  exclusive<T>(task: (write: LineWriter) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => this.enqueue(() => task((lines) => this.write(lines)).then(resolve, reject)));
  }

  private enqueue(task: () => Promise<void>): void {
    this.chain = this.chain.then(task).catch(() => undefined);
  }

  private async write(lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    const text = `${lines.join('\n')}\n`;
    for (let attempt = 0; attempt <= MAX_REPLACED_RETRIES; attempt++) {
      // Opened per batch (a few microseconds next to the fsync): always the file the path names now.
      const created = (await inodeOf(this.file)) === undefined;
      const handle = await open(this.file, 'a+', 0o600);
      try {
        // A new file's name must survive a crash too, not only its contents.
        if (created) await syncDir(dirname(this.file));
        const { size, ino } = await handle.stat();
        const guard = size > 0 && !(await endsWithNewline(handle, size)) ? '\n' : '';
        await writeAll(handle, Buffer.from(guard + text), size);
        await handle.sync();
        if ((await inodeOf(this.file)) === ino) return;
        // Replaced (compacted) between our open and our write: the lines may be in the old file only. Write them again.
      } finally {
        await handle.close();
      }
    }
    throw new Error(`${this.file} kept being replaced while it was written; the last lines may be missing.`);
  }
}

function deferredBatch(): Batch {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const done = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  // A caller that never awaits its append must not turn a failed write into an unhandled rejection.
  done.catch(() => undefined);
  return { lines: [], done, resolve, reject };
}

async function inodeOf(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).ino;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

async function endsWithNewline(handle: FileHandle, size: number): Promise<boolean> {
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  return last[0] === NEWLINE;
}

/**
 * One `write` carries the whole batch; a short write (a full disk) finishes with more, which is no
 * longer atomic. When the disk refuses the rest, the part written is cut off again (if nothing
 * was appended after it), so a full disk never leaves half a line: the lines are retried whole.
 */
async function writeAll(handle: FileHandle, bytes: Buffer, sizeBefore: number): Promise<void> {
  let done = 0;
  try {
    while (done < bytes.length) done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
  } catch (e) {
    if (done > 0 && (await handle.stat()).size === sizeBefore + done) await handle.truncate(sizeBefore).catch(() => undefined);
    throw e;
  }
}
