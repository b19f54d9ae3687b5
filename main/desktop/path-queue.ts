/**
 * Files that reach the app from the OS rather than the window: "Open with", a drop on the
 * dock or taskbar icon, a second instance's arguments, the tray's "Upload files…" and the
 * clipboard shortcut. They join the same queue as the window's files; the queue's own
 * `uploads:changed` events tell the renderer.
 */
import type { Core } from '../../core';
import { collectFiles } from '../../core/uploads/collect-files';
import { fail, ok, type Result } from '../../common/result';
import type { UploadItem } from '../../common/uploads';

export type EnqueuePaths = (paths: readonly string[]) => Promise<Result<UploadItem[]>>;

/**
 * Returns `enqueuePaths`: uploads the paths (files or folders) with the first profile and its
 * default link lifetime, since the OS gives no way to choose either.
 */
export function createPathQueue(core: Pick<Core, 'profiles' | 'uploads'>): EnqueuePaths {
  return async (paths) => {
    if (paths.length === 0) return ok([]);
    const [profile] = await core.profiles.list();
    if (!profile) return fail('not-found', 'Add a storage profile in Signdrop first, then open the files again.');
    const { files, problems } = await collectFiles(paths);
    if (files.length === 0) {
      return fail('file-unreadable', problems[0]?.message ?? 'Nothing to upload: the folders are empty.');
    }
    return ok(await core.uploads.enqueue({ profileId: profile.id, expiresInSeconds: profile.defaultExpirySeconds, files }));
  };
}

/**
 * Holds paths that arrive before the engine is ready (macOS sends "open-file" before
 * `ready` when the app is launched by opening a file), then passes them on once connected.
 */
export class PathInbox {
  private pending: string[] = [];
  private sink: ((paths: readonly string[]) => void) | undefined;

  add(paths: readonly string[]): void {
    if (paths.length === 0) return;
    if (this.sink) this.sink(paths);
    else this.pending.push(...paths);
  }

  /** From now on paths go to `sink`; the ones held so far go first. */
  connect(sink: (paths: readonly string[]) => void): void {
    this.sink = sink;
    const held = this.pending;
    this.pending = [];
    if (held.length > 0) sink(held);
  }
}
