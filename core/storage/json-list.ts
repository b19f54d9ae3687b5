import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { SigndropError } from '../../common/result';
import { loadJson, saveJson } from './json-file';
import { serialQueue } from './serial';

/**
 * A list of records kept in one JSON file (`{ version: 1, <field>: [...] }`): loaded once and
 * checked against a schema, changed one change at a time, each change written atomically.
 * A corrupt file is set aside and reported in `loadProblem`; an unreadable one is an error,
 * and nothing overwrites it.
 */
export class JsonList<S extends z.ZodType> {
  private items: z.output<S>[] | undefined;
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
      const { items, result } = change(await this.load());
      await mkdir(dirname(this.file), { recursive: true });
      await saveJson(this.file, { version: 1, [this.field]: items });
      this.items = items;
      return result;
    });
  }

  private async load(): Promise<z.output<S>[]> {
    if (!this.items) {
      const loaded = await loadJson(this.file, this.schema, { version: 1 as const, [this.field]: [] }, this.now).catch((e: unknown) => {
        // Unreadable (permissions, a folder in its place): nothing to set aside, and nothing may overwrite it.
        throw SigndropError.of(
          'file-unreadable',
          `${this.file} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Fix its permissions and retry.`,
        );
      });
      this.loadProblem = loaded.problem;
      this.items = (loaded.value as Record<string, unknown>)[this.field] as z.output<S>[];
    }
    return this.items;
  }
}
