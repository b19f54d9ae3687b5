/**
 * Files the OS opens with Signdrop: on macOS through the 'open-file' event (a drop on the dock
 * icon, "Open With", or the launch itself); on Windows and Linux as command-line arguments
 * (single-instance.ts `filesFromArgv`). They join the queue through the same entry point as
 * the window's files (core/uploads/enqueue-sources.ts).
 * https://www.electronjs.org/docs/latest/api/app#event-open-file-macos
 */
import type { App } from 'electron';

/** Listens for macOS 'open-file'. Register before `ready`: the launch's own files arrive before it. */
export function listenForOpenedFiles(app: Pick<App, 'on'>, onFiles: (paths: string[]) => void): void {
  app.on('open-file', (event, path) => {
    event.preventDefault();
    onFiles([path]);
  });
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
