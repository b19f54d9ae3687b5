/**
 * Files the OS opens with Signdrop: on macOS through the 'open-file' event (a drop on the dock
 * icon, "Open With", or the launch itself); on Windows and Linux as command-line arguments (single-instance.ts `filesFromArgv`).
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

