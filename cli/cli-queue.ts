import { join } from 'node:path';
import type { Disposition } from '../common/disposition';
import type { StoredProfile } from '../common/profile';
import type { UploadItem } from '../common/uploads';
import type { Core, CoreOptions } from '../core';
import { diskReason } from '../core/storage/disk-reason';
import { holdProcessLock } from '../core/storage/process-lock';
import type { LocalFile } from '../core/uploads/collect-files';
import type { LinkHistory } from '../core/links/link-history';
import { UnsavedLinesError } from '../core/storage/retrying-log';
import { CLI_QUEUE_FILE, CLI_QUEUE_LOCK, QueueStore, type PersistedEntry } from '../core/uploads/queue-store';

export { CLI_QUEUE_FILE };

/** What makes a run "the same command" for a file: the same file version, target and link options. */
export interface RunShape {
  readonly expiresInSeconds: number;
  readonly disposition: Disposition | undefined;
}

/**
 * The CLI's saved queue for one `signdrop upload`: a run stopped by SIGKILL, a crash or a reboot
 * resumes when the same command runs again. A saved item is taken back for a file of this command
 * when path, size, modification time, profile, bucket and link options match: it keeps its key,
 * and a multipart upload sends only the parts the store lacks. Finished items are taken back too
 * (their links reach the history if a crash kept them out), the rest is forgotten.
 */
export class CliQueue {
  /** Saved item id by file path, for the files this run takes back. */
  private readonly resumed = new Map<string, string>();

  private constructor(
    private readonly release: (() => Promise<void>) | undefined,
    /** Why the queue lives in memory only, when it does. */
    readonly inMemoryBecause?: string,
  ) {}

  /**
   * Claims the CLI's queue. Another CLI upload holding it, or a data folder that cannot be written
   * (full, read-only), leaves this one in memory: the upload goes on (said on stderr by the caller).
   */
  static async claim(dataDir: string): Promise<CliQueue> {
    const lock = join(dataDir, CLI_QUEUE_LOCK);
    try {
      const release = await holdProcessLock(lock);
      return release ? new CliQueue(release) : new CliQueue(undefined, 'another signdrop upload is running');
    } catch (e) {
      return new CliQueue(undefined, `${lock} could not be written (${diskReason(e)})`);
    }
  }

  /** Whether this run keeps its queue on disk (it holds the lock). */
  get kept(): boolean {
    return this.release !== undefined;
  }

  /** The queue options createCore takes for this run's files and profile. */
  options(files: readonly LocalFile[], profile: StoredProfile, shape: RunShape): CoreOptions['queue'] | undefined {
    if (!this.release) return undefined;
    const byPath = new Map(files.map((f) => [f.path, f]));
    const same = (e: PersistedEntry): boolean => {
      const f = byPath.get(e.path);
      return (
        f !== undefined &&
        f.size === e.size &&
        f.mtimeMs === e.mtimeMs &&
        e.profileId === profile.id &&
        e.bucket === profile.bucket &&
        e.expiresInSeconds === shape.expiresInSeconds &&
        e.disposition === shape.disposition &&
        !this.resumed.has(e.path)
      );
    };
    return {
      queueFile: CLI_QUEUE_FILE,
      restore: (e) => {
        if (same(e)) this.resumed.set(e.path, e.id);
        return this.resumed.get(e.path) === e.id || e.state === 'completed';
      },
    };
  }

  /** The saved item a file resumes as, if any; one stopped by a signal (paused) or failed starts again. */
  resume(core: Core, file: LocalFile): ReturnType<Core['uploads']['get']> {
    const id = this.resumed.get(file.path);
    const item = id ? core.uploads.get(id) : undefined;
    if (item?.state === 'paused') core.uploads.resume(item.id);
    if (item && (item.state === 'failed' || item.state === 'canceled')) core.uploads.retry(item.id);
    return item ? core.uploads.get(item.id) : undefined;
  }

  /**
   * After the run: once every item of the run finished, the finished items leave the saved queue
   * (their links are on disk first). When some did not (stopped, failed), everything stays, so the
   * same command run again prints the finished ones' links and uploads only the rest, under the
   * keys already chosen. Then the queue is saved and the claim released. Resolves to what could
   * not be saved (links the disk refused, in memory only), in words, or undefined.
   */
  async finish(core: Core, items: readonly UploadItem[]): Promise<string | undefined> {
    const all = core.uploads.list();
    const state = new Map(all.map((i) => [i.id, i.state]));
    try {
      // Links the disk refused keep their items saved (if the queue can be), for `history` to record later.
      const linksSaved = await core.links.flush().then(
        () => true,
        () => false,
      );
      if (this.release && linksSaved && items.every((i) => state.get(i.id) === 'completed')) {
        for (const item of all) if (item.state === 'completed') await core.uploads.remove(item.id);
      }
      await core.uploads.close();
      await core.links.flush();
      return undefined;
    } catch (e) {
      if (e instanceof UnsavedLinesError) return e.message;
      throw e;
    } finally {
      await this.release?.();
    }
  }

  /** Releases the claim without touching the queue (the engine never opened). */
  async abandon(): Promise<void> {
    await this.release?.();
  }
}

/**
 * Records the links of items the CLI's saved queue holds as finished but the history lacks (a
 * crash came between the two), without uploading anything: what `signdrop history` does first,
 * unless an upload that will do it itself is running.
 */
export async function recordUnrecordedLinks(dataDir: string, history: LinkHistory): Promise<void> {
  const release = await holdProcessLock(join(dataDir, CLI_QUEUE_LOCK));
  if (!release) return;
  try {
    const { entries } = await new QueueStore(dataDir, () => [], undefined, CLI_QUEUE_FILE).load();
    const finished = entries.flatMap((e) =>
      e.state === 'completed' && e.link
        ? [
            {
              profileId: e.profileId,
              bucket: e.bucket,
              key: e.key,
              name: e.relativePath.slice(e.relativePath.lastIndexOf('/') + 1),
              size: e.size,
              url: e.link.url,
              expiresAt: e.link.expiresAt,
            },
          ]
        : [],
    );
    if (finished.length > 0) await history.addMissing(finished);
  } finally {
    await release();
  }
}
