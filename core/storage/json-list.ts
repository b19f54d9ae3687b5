import { z } from 'zod';
import { loadJson } from './json-file';
import { SharedJsonFile } from './shared-json-file';

/**
 * A list of records kept in one JSON file (`{ version: 1, <field>: [...] }`), checked against a
 * schema, changed one change at a time, each change written atomically. The app and the CLI share
 * the file (SharedJsonFile: read again when the other replaced it, changed under a lock).
 * A corrupt file is set aside and reported in `loadProblem`; an unreadable one is an error,
 * and nothing overwrites it.
 */
export class JsonList<S extends z.ZodType> {
  private readonly shared: SharedJsonFile<Record<string, unknown>>;

  constructor(
    file: string,
    private readonly field: string,
    item: S,
    { now = () => new Date(), onProblem }: { now?: () => Date; onProblem?: (message: string) => void } = {},
  ) {
    const schema = z.object({ version: z.literal(1), [field]: z.array(item) });
    this.shared = new SharedJsonFile(file, (f) => loadJson(f, schema, { version: 1 as const, [field]: [] }, now), onProblem);
  }

  /** Set when the file was corrupt at load (it was set aside). */
  get loadProblem(): string | undefined {
    return this.shared.loadProblem;
  }

  async all(): Promise<readonly z.output<S>[]> {
    return this.itemsOf(await this.shared.current());
  }

  /** Applies `change` to the current items and writes the result; serialised with other changes. */
  update<R>(change: (items: readonly z.output<S>[]) => { items: z.output<S>[]; result: R }): Promise<R> {
    return this.shared.update((value) => {
      const { items, result } = change(this.itemsOf(value));
      return { value: { version: 1, [this.field]: items }, result };
    });
  }

  private itemsOf(value: Record<string, unknown>): z.output<S>[] {
    return value[this.field] as z.output<S>[];
  }
}
