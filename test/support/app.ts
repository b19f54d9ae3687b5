/**
 * The real main-process side of the app, without Electron: core on a temporary data folder,
 * the real keychain (a unique service name per test app), and the real IPC handlers behind
 * `dispatch`. Only the OS bits Electron would provide (dialog, clipboard, webContents.send)
 * are replaced, by recorders the tests read.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelInput, ChannelName, ChannelValue, EventName, EventPayloads } from '../../common/contract';
import type { Result } from '../../common/result';
import { createCore, type Core } from '../../core';
import { KeychainCredentialStore } from '../../core/credentials/keychain-store';
import { dispatch } from '../../main/ipc/dispatch';
import { createHandlers, forwardEvents, type EventDeps } from '../../main/ipc/handlers';

export interface TestApp {
  /** The engine behind the handlers, for arranging state a user cannot reach from the UI. */
  readonly core: Core;
  readonly credentials: KeychainCredentialStore;
  readonly dataDir: string;
  readonly keychainService: string;
  readonly clipboard: string[];
  /** Links handed to the OS browser, and files shown in the file manager. */
  readonly opened: string[];
  readonly revealed: string[];
  readonly events: { event: EventName; payload: unknown }[];
  /** Every result the handlers returned, as the renderer would receive it. */
  readonly results: Result<unknown>[];
  /** Paths the next "open dialog" returns. */
  dialogPaths: string[];
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelValue<C>>>;
  /** Raw call, for inputs that break the contract on purpose. */
  invokeRaw(channel: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: <E extends EventName>(event: E, payload: EventPayloads[E]) => void): void;
  /** Resolves once the link history read at start (as main/index.ts does) is in memory, with the time it took. */
  readonly historyRead: Promise<number>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Writes into the data folder before the engine starts: what an earlier run of the app left there. */
  readonly seed?: ((dataDir: string) => Promise<void>) | undefined;
  /** The app's data folder (a test's own file system), left in place at close; a new temporary one unless given. */
  readonly dataDir?: string | undefined;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const ownDataDir = options.dataDir;
  const dataDir = ownDataDir ?? (await mkdtemp(join(tmpdir(), 'signdrop-app-')));
  await options.seed?.(dataDir);
  const keychainService = `signdrop-test-${randomBytes(4).toString('hex')}`;
  const credentials = new KeychainCredentialStore(keychainService);
  const core = await createCore({ dataDir, credentials });
  const started = performance.now();
  // As main/index.ts: the history is read while the window loads.
  const historyRead = core.links.warm().then(() => performance.now() - started);
  const listeners: ((event: EventName, payload: never) => void)[] = [];
  const app: TestApp = {
    core,
    credentials,
    dataDir,
    keychainService,
    clipboard: [],
    opened: [],
    revealed: [],
    events: [],
    results: [],
    dialogPaths: [],
    invoke: (channel, input) => app.invokeRaw(channel, input) as never,
    invokeRaw: async (channel, input) => {
      const result = await dispatch(handlers, channel, input);
      app.results.push(result);
      return result;
    },
    onEvent: (listener) => listeners.push(listener as never),
    historyRead,
    close: async () => {
      await historyRead.catch(() => undefined);
      stopEvents();
      await core.uploads.close();
      const profiles = await core.profiles.list();
      for (const p of profiles) await credentials.delete(p.id);
      if (!ownDataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
  const emit: EventDeps['emit'] = (event, payload) => {
    app.events.push({ event, payload });
    for (const l of listeners) l(event, payload as never);
  };
  const handlers = createHandlers({
    core,
    dataDir,
    showOpenDialog: async () => app.dialogPaths,
    writeClipboard: (text) => app.clipboard.push(text),
    openExternal: async (url) => void app.opened.push(url),
    showItemInFolder: (path) => void app.revealed.push(path),
  });
  const stopEvents = forwardEvents({ core, emit });
  return app;
}
