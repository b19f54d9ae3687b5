import type { DataFileKind, SaveNotice, SavedFileKind } from '../../common/save-notice';
import { diskReason } from './disk-reason';

const failingWords: Record<SavedFileKind, string> = {
  links: 'Uploads go on; their links are kept in memory (lost if Signdrop quits before then) and saved as soon as writing works again.',
  queue: 'Uploads go on, but if Signdrop stops before this is fixed, unfinished uploads cannot resume.',
};
const savedWords: Record<SavedFileKind, string> = {
  links: 'every link is in the history again.',
  queue: 'the upload queue is saved.',
};

/**
 * Which files of the data folder cannot be written right now. The link history and the queues
 * report each write here; the user hears once when a file starts failing (its path and the
 * system's reason) and once when it is written again, however many writes failed in between.
 * What was read with a problem (set aside, reset, cut short) is reported here too, and kept, so
 * a window that opens later is still told.
 */
export class SaveTroubles {
  private readonly failing = new Map<string, SaveNotice>();
  private readonly readProblems = new Map<string, SaveNotice>();
  private readonly listeners = new Set<(notice: SaveNotice) => void>();

  /** A write of `file` failed with `error`; said only if the file was fine until now. */
  failed(kind: SavedFileKind, file: string, error: unknown): void {
    if (this.failing.has(file)) return;
    const notice: SaveNotice = { kind, file, state: 'failing', message: `Could not save ${file}: ${diskReason(error)}. ${failingWords[kind]}` };
    this.failing.set(file, notice);
    this.emit(notice);
  }

  /** Everything pending for `file` was written; said only if it was failing. */
  saved(kind: SavedFileKind, file: string): void {
    if (!this.failing.delete(file)) return;
    this.emit({ kind, file, state: 'saved', message: `${file} can be written again: ${savedWords[kind]}` });
  }

  /** `file` was read with a problem Signdrop worked around; `message` says what was kept and what was not. */
  readProblem(kind: DataFileKind, file: string, message: string): void {
    const notice: SaveNotice = { kind, file, state: 'set-aside', message };
    this.readProblems.set(file, notice);
    this.emit(notice);
  }

  /** The files failing now and the read problems met since start, each with the notice that said so. */
  current(): SaveNotice[] {
    return [...this.readProblems.values(), ...this.failing.values()];
  }

  /** Each notice as it happens; returns the unsubscribe. */
  onNotice(listener: (notice: SaveNotice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(notice: SaveNotice): void {
    for (const l of this.listeners) l(notice);
  }
}
