import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { SigndropError } from '../../common/result';
import { withLock } from './file-lock';
import { loadJson, saveJson } from './json-file';
import { serialQueue } from './serial';

/** A change reads, edits and writes a file of a few kilobytes: a lock held longer than this belongs to a process that died. */
const STALE_LOCK_MS = 10_000;

/** What identifies one version of the file: an atomic write replaces the inode, and any write moves mtime. */
const versionOf = (s: { ino: number; mtimeMs: number; size: number } | undefined): string => (s ? `${s.ino}:${s.mtimeMs}:${s.size}` : 'none');

/**
 * A list of records kept in one JSON file (`{ version: 1, <field>: [...] }`), checked against a
 * schema, changed one change at a time, each change written atomically. The app and the CLI share
 * the file: it is read again whenever another process replaced it, and each change reads, edits
 * and writes it under a lock file, so neither overwrites what the other just saved.
 * A corrupt file is set aside and reported in `loadProblem`; an unreadable one is an error,
 * and nothing overwrites it.
 */
export class JsonList<S extends z.ZodType> {
  private items: z.output<S>[] | undefined;
  /** The version of the file `items` came from (or was written as). */
  private version: string | undefined;
  private readonly serial = serialQueue();
  private readonly schema;
  private readonly field: string;
  /** Set when the file was corrupt at load; the UI shows it once. */
  loadProblem: string | undefined;

  constructor(
    private readonly file: string,
    field: string,
    item: S,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.field = field;
    this.schema = z.object({ version: z.literal(1), [field]: z.array(item) });
  }

  async all(): Promise<readonly z.output<S>[]> {
    return this.load();
  }

  /** Applies `change` to the current items and writes the result; serialised with other changes. */
  update<R>(change: (items: readonly z.output<S>[]) => { items: z.output<S>[]; result: R }): Promise<R> {
    return this.serial(async () => {
      await mkdir(dirname(this.file), { recursive: true });
      return withLock(`${this.file}.lock`, STALE_LOCK_MS, async () => {
        const { items, result } = change(await this.load());
        await saveJson(this.file, { version: 1, [this.field]: items });
        this.items = items;
        this.version = await this.currentVersion();
        return result;
      });
    });
  }

  private currentVersion(): Promise<string> {
    return stat(this.file).then(versionOf, () => versionOf(undefined));
  }

  private async load(): Promise<z.output<S>[]> {
    const version = await this.currentVersion();
    if (!this.items || version !== this.version) {
      const loaded = await loadJson(this.file, this.schema, { version: 1 as const, [this.field]: [] }, this.now).catch((e: unknown) => {
        // Unreadable (permissions, a folder in its place): nothing to set aside, and nothing may overwrite it.
        throw SigndropError.of(
          'file-unreadable',
          `${this.file} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Fix its permissions and retry.`,
        );
      });
      // A corrupt file was moved aside: what it says stays until the UI has shown it.
      if (loaded.problem) this.loadProblem = loaded.problem;
      this.version = loaded.problem ? await this.currentVersion() : version;
      this.items = (loaded.value as Record<string, unknown>)[this.field] as z.output<S>[];
    }
    return this.items;
  }
}
