import { isFinished, type UploadItem } from '../common/uploads';

/**
 * Prints each file's result as soon as it and every file before it are done, so results come
 * while the batch is still running yet always in argument order, the same with --json or without.
 */
export class OrderedResults {
  private readonly finished = new Map<string, UploadItem>();
  private next = 0;

  /**
   * @param ids the items in argument order
   * @param print writes one item's result
   * @param around wraps each run of prints (the progress line steps aside for them)
   */
  constructor(
    private readonly ids: readonly string[],
    private readonly print: (item: UploadItem, index: number) => void,
    private readonly around: (write: () => void) => void = (write) => write(),
  ) {}

  /** Notes changed items (finished ones are kept) and prints those now next in order. */
  update(items: Iterable<UploadItem>): void {
    for (const item of items) if (isFinished(item)) this.finished.set(item.id, item);
    if (!this.ready()) return;
    this.around(() => {
      while (this.ready()) this.print(this.finished.get(this.ids[this.next]!)!, this.next++);
    });
  }

  private ready(): boolean {
    return this.next < this.ids.length && this.finished.has(this.ids[this.next]!);
  }

  /** Whether every result was printed. */
  get complete(): boolean {
    return this.next === this.ids.length;
  }
}
