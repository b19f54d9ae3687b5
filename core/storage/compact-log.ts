import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LineWriter } from './append-log';
import { readLines, type TailPosition } from './log-tail';
import { syncDir } from './sync-dir';

/**
 * Replaces a line log by `lines` (the state it replays to, as read up to `from`), without losing
 * what other processes append meanwhile: the new file is written aside with the old file's lines
 * after `from`, fsynced and renamed over the log; then the lines that reached the old file since
 * are copied to the new one through `write`. A process that appends to the old file after that
 * notices the rename and writes its lines again (see AppendLog); the replay ignores repeats.
 * Returns false when the log is no longer the file that was read (another process compacted it
 * first): nothing is changed then.
 *
 * Run it under a lock, so two processes do not compact at once (each would be safe, but the
 * second one's work would be wasted).
 */
export async function compactLog(file: string, from: TailPosition, lines: readonly string[], write: LineWriter): Promise<boolean> {
  const old = await open(file, 'r');
  const temp = `${file}.compact-${process.pid}`;
  try {
    const { ino } = await old.stat();
    if (ino !== from.ino) return false;
    // What others appended since `from` goes into the new file before it replaces the log, and
    // what they append until the rename is copied right after it: a reader of the new file misses
    // another process's line for a moment at most, never for good.
    const early = await readLines(old, from.offset, (await old.stat()).size);
    const next = await open(temp, 'w', 0o600);
    try {
      const all = [...lines, ...early.lines];
      await next.writeFile(all.length > 0 ? `${all.join('\n')}\n` : '');
      await next.sync();
    } finally {
      await next.close();
    }
    await rename(temp, file);
    await syncDir(dirname(file));
    const late = await readLines(old, from.offset + early.consumed, (await old.stat()).size);
    await write(late.lines);
    return true;
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  } finally {
    await old.close();
  }
}
