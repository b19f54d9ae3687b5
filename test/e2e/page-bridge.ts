/**
 * Runs inside the page in place of Electron's preload: the real preload mapping
 * (preload/api.ts) over a Playwright binding instead of ipcRenderer. Bundled by the harness.
 */
import type { DroppedFile } from '../../common/api';
import type { EventName } from '../../common/contract';
import { createApi } from '../../preload/api';

interface HarnessWindow {
  /** Answers the result as JSON text (see harness.ts). */
  __signdropInvoke(channel: string, input: unknown): Promise<string>;
  __signdropEmit?: (event: EventName, payload: unknown) => void;
  /** What Electron's webUtils.getPathForFile would answer: the test registers the real files it drops. */
  __signdropPaths: Record<string, string>;
  signdrop: unknown;
}

const w = window as unknown as HarnessWindow;
const listeners = new Map<EventName, Set<(payload: never) => void>>();
w.__signdropPaths = {};
w.__signdropEmit = (event, payload) => {
  for (const l of listeners.get(event) ?? []) l(payload as never);
};

w.signdrop = createApi({
  invoke: async (channel, input) => JSON.parse(await w.__signdropInvoke(channel, input)),
  on: (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  },
  // Like Electron: the path of a file that is on disk, '' for one that exists only in memory.
  pathForFile: (file: DroppedFile) => w.__signdropPaths[file.name] ?? '',
});
