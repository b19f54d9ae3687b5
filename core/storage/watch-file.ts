import { mkdirSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * A burst of writes (a batch of links appended, a save's write and rename) is one change: the
 * window reads again once it is over instead of once per line.
 */
const QUIET_MS = 200;

/**
 * Calls `changed` when `file` is written or replaced, by this process or another (the app and the
 * CLI share the data folder), at most once per QUIET_MS. The folder is watched, not the file: an
 * atomic save or a compaction replaces the file by a rename, which a watch on the old file would
 * never see. A folder that cannot be watched (gone, or the OS refuses) calls nothing: readers see
 * the change at their next read, as before. Returns the stop.
 */
export function watchFile(file: string, changed: () => void, quietMs = QUIET_MS): () => void {
  const name = basename(file);
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  const stop = () => {
    watcher?.close();
    watcher = undefined;
    clearTimeout(timer);
  };
  try {
    // The data folder is ours: on a first start it may not exist until the first save.
    mkdirSync(dirname(file), { recursive: true });
    // Not persistent: a CLI that is done must exit even while it follows the app's changes.
    watcher = watch(dirname(file), { persistent: false }, (_event, changedName) => {
      // Where the OS does not say which file changed, any change in the folder counts.
      if (changedName && changedName !== name) return;
      timer ??= setTimeout(() => {
        timer = undefined;
        changed();
      }, quietMs);
    });
    watcher.on('error', stop);
  } catch {
    stop();
  }
  return stop;
}
