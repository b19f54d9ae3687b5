import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SigndropError } from '../../common/result';
import { withLock } from './file-lock';
import { saveJson } from './json-file';
import { serialQueue } from './serial';

/** A change reads, edits and writes a file of a few kilobytes: a lock held longer than this belongs to a process that died. */
const STALE_LOCK_MS = 10_000;

/** What identifies one version of the file: an atomic write replaces the inode, and any write moves mtime. */
const versionOf = (s: { ino: number; mtimeMs: number; size: number } | undefined): string => (s ? `${s.ino}:${s.mtimeMs}:${s.size}` : 'none');

/** What reading the file gave: its value, and in words what had to be set aside or reset to get it. */
export interface ReadResult<T> {
  readonly value: T;
  readonly problem?: string | undefined;
}

/**
 * One small JSON file that the app and the CLI both read and change. Reads are served from memory
 * until another process replaces the file (inode, mtime, size); each change reads, edits and writes
 * it under an O_EXCL lock file, so neither process overwrites what the other just saved. `read`
 * turns the file into a value (and sets aside or drops what it cannot use); an unreadable file is
 * an error, and nothing overwrites it.
 */
export class SharedJsonFile<T> {
  private value: T | undefined;
  /** The version of the file `value` came from (or was written as). */
  private version: string | undefined;
  private readonly serial = serialQueue();
  /** Set when a read had to set the file aside or drop part of it, in words; a later problem replaces it. */
  loadProblem: string | undefined;
  /** How many reads had a problem: a caller that acts on each one compares it before and after a read. */
  problems = 0;

  constructor(
    readonly file: string,
    private readonly read: (file: string) => Promise<ReadResult<T>>,
    /** Told each problem as a read meets it, in words. */
    private readonly onProblem?: (message: string) => void,
  ) {}

  /** The file's current value, read again when another process changed it since. */
  current(): Promise<T> {
    return this.load(false);
  }

  /**
   * Applies `change` to the file's current value under the lock and writes the result; serialised
   * with this process's other changes. What `change` throws leaves the file as it was.
   */
  update<R>(change: (value: T) => Promise<{ value: T; result: R }> | { value: T; result: R }): Promise<R> {
    return this.serial(async () => {
      await mkdir(dirname(this.file), { recursive: true });
      return withLock(`${this.file}.lock`, STALE_LOCK_MS, async () => {
        // Read from disk, not trusted to the version: on ext4 an inode freed by one rename is soon
        // reused, and timestamps are coarser than two quick writes, so two versions can look alike.
        const { value, result } = await change(await this.load(true));
        await saveJson(this.file, value);
        this.value = value;
        this.version = await this.currentVersion();
        return result;
      });
    });
  }

  private async load(fresh: boolean): Promise<T> {
    const version = await this.currentVersion();
    if (!fresh && this.value !== undefined && version === this.version) return this.value;
    const loaded = await this.read(this.file).catch((e: unknown) => {
      // Unreadable (permissions, a folder in its place): nothing to set aside, and nothing may overwrite it.
      throw SigndropError.of(
        'file-unreadable',
        `${this.file} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Fix its permissions and retry.`,
      );
    });
    if (loaded.problem) {
      this.loadProblem = loaded.problem;
      this.problems++;
      this.onProblem?.(loaded.problem);
    }
    // A damaged file may have been moved aside by `read`: its version is then the one after that.
    this.version = loaded.problem ? await this.currentVersion() : version;
    this.value = loaded.value;
    return loaded.value;
  }

  private currentVersion(): Promise<string> {
    return stat(this.file).then(versionOf, () => versionOf(undefined));
  }
}
