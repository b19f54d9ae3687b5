/**
 * What each IPC channel does, with its dependencies passed in and no electron import, so the
 * e2e harness runs these very handlers in plain Node behind a Playwright binding.
 */
import { cleanupLinks } from '../../core/links/cleanup';
import { getExpireAfter, setExpireAfter } from '../../core/s3/lifecycle';
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ChannelName, ChannelParsed, ChannelValue, EventName, EventPayloads, PickedFile } from '../../common/contract';
import type { Core } from '../../core';
import { enqueueSources, type UploadSource } from '../../core/uploads/enqueue-sources';
import { imageThumbnail } from '../../core/uploads/thumbnail';
import { publishSharePage } from '../../core/pages/publish-share-page';
import { shareSources } from '../../core/pages/share-sources';
import { SigndropError } from '../../common/result';
import { isFinished, type QueueAction } from '../../common/uploads';
import { isOpenableLink } from './open-link';
import { requestHandlers } from './request-handlers';

export interface HandlerDeps {
  readonly core: Core;
  /** Where pasted in-memory files are kept until uploaded (see enqueue-sources.ts). */
  readonly dataDir: string;
  /** Shows the OS open dialog; resolves the chosen paths (empty when cancelled). */
  readonly showOpenDialog: () => Promise<string[]>;
  readonly writeClipboard: (text: string) => void;
  /** Electron's shell.openExternal: called only with links isOpenableLink accepts. */
  readonly openExternal: (url: string) => Promise<void>;
  /** Electron's shell.showItemInFolder: called only with a path the queue holds. */
  readonly showItemInFolder: (path: string) => void;
}

export interface EventDeps {
  readonly core: Core;
  readonly emit: <E extends EventName>(event: E, payload: EventPayloads[E]) => void;
}

export type Handlers = {
  [C in ChannelName]: (input: ChannelParsed<C>) => Promise<ChannelValue<C>>;
};

/**
 * Forwards the engine's events to the window: the queue batches its changes (at most ten a
 * second), one IPC message per batch; each saved settings change, so a change made from the
 * tray or the CLI shows in the window; each change of the saved profiles, the requests and the
 * link history on disk, so the window shows what the CLI makes as it is made; the request
 * watcher's finds, one message per look that found new files; and what the data folder refused to
 * save, and when it takes it again (logged too).
 * Returns the unsubscribe, for quitting.
 */
export function forwardEvents({ core, emit }: EventDeps): () => void {
  // createCore records a finished upload's link as the queue delivers it, before batch listeners
  // hear of it. A batch with finished uploads waits until the history holds them on disk, so no
  // link is shown or copied that a crash could still lose; the chain keeps batches in order.
  let shown = Promise.resolve();
  const stopSettings = core.settings.onChanged((settings) => emit('settings:changed', settings));
  const stopLinks = core.links.onChanged(() => emit('links:changed', null));
  const stopProfiles = core.profiles.onChanged(() => emit('profiles:changed', null));
  const stopRequests = core.requests.onChanged(() => emit('requests:changed', null));
  const stopWatching = core.requests.watch((arrivals) => emit('requests:arrived', arrivals));
  const stopNotices = core.saveTroubles.onNotice((notice) => {
    console.error(`[signdrop] ${notice.message}`);
    emit('storage:notice', notice);
  });
  const stopUploads = core.uploads.onBatch((snapshot) => {
    const finished = snapshot.items.some((item) => item.state === 'completed');
    shown = shown
      .then(() => (finished ? core.links.flush() : undefined))
      .catch((e: unknown) => console.error(`[signdrop] could not save the link history: ${(e as Error).message}`))
      .then(() => emit('uploads:changed', snapshot));
  });
  return () => {
    stopSettings();
    stopLinks();
    stopProfiles();
    stopRequests();
    stopUploads();
    stopWatching();
    stopNotices();
  };
}

/** One item's control, or every item's: "Remove" for all clears what is finished; unfinished items stay queued. */
async function control(queue: Core['uploads'], action: QueueAction, id: string | undefined): Promise<void> {
  if (id) await queue[action](id);
  else if (action === 'pause') queue.pauseAll();
  else if (action === 'resume') queue.resumeAll();
  else if (action === 'retry') queue.retryAll();
  else if (action === 'cancel') await queue.cancelAll();
  else
    await Promise.all(
      queue
        .list()
        .filter(isFinished)
        .map((item) => queue.remove(item.id)),
    );
}

/** The link history's channels: list, query, renew, share, delete, clean up. */
function linkHandlers(core: Core): Pick<Handlers, Extract<ChannelName, `links:${string}`> & Exclude<ChannelName, 'links:open'>> {
  return {
    'links:list': () => core.links.list(),
    'links:lifetime': ({ profileId, expiresInSeconds }) => core.signer.linkLifetime(profileId, expiresInSeconds),
    'links:renew': ({ id, expiresInSeconds, disposition }) => core.links.renew(id, expiresInSeconds, disposition),
    'links:share-page': async (request) => publishSharePage(core.signer, await shareSources(core, request)),
    'links:delete-object': ({ id }) => core.links.deleteObject(id),
    'links:cleanup-expired': ({ dryRun, objects }) => cleanupLinks(core.links, dryRun, objects),
    'links:query': (query) => core.links.query(query),
    'links:matching-ids': (search) => core.links.matchingIds(search),
    'links:get-many': ({ ids }) => core.links.getMany(ids),
    'links:renew-many': ({ ids, expiresInSeconds, disposition }) => core.links.renewMany(ids, expiresInSeconds, disposition),
    'links:delete-many': ({ ids }) => core.links.deleteMany(ids),
  };
}

/** The handler of every channel in the contract. */
export function createHandlers({ core, dataDir, showOpenDialog, writeClipboard, openExternal, showItemInFolder }: HandlerDeps): Handlers {
  // Paths the user chose in our dialog, by token: the renderer holds tokens, not paths.
  const picked = new Map<string, string>();
  const localPath = (id: string): string => {
    const path = core.uploads.localPath(id);
    if (!path) throw SigndropError.of('not-found', 'That upload is no longer in the queue.');
    return path;
  };

  return {
    'profiles:list': () => core.profiles.list(),
    'profiles:save': (input) => core.profiles.save(input),
    'profiles:remove': async ({ id }) => {
      await core.profiles.remove(id);
      return null;
    },
    'profiles:duplicate': ({ id }) => core.profiles.duplicate(id),
    'profiles:test': ({ id }) => core.profiles.test(id),
    'profiles:expire-after-get': ({ id }) => getExpireAfter(core.signer, id),
    'profiles:expire-after': ({ id, days }) => setExpireAfter(core.signer, id, days),
    'profiles:test-draft': (input) => core.profiles.testDraft(input),
    'files:pick': async () => {
      const paths = await showOpenDialog();
      return Promise.all(
        paths.map(async (path): Promise<PickedFile> => {
          const token = randomUUID();
          picked.set(token, path);
          return { token, name: basename(path), size: (await stat(path)).size };
        }),
      );
    },
    'uploads:enqueue': async ({ profileId, expiresInSeconds, files, disposition }) => {
      const sources = files.map((ref): UploadSource => {
        if ('path' in ref) return { path: ref.path };
        if ('base64' in ref) return { name: ref.name, bytes: Buffer.from(ref.base64, 'base64') };
        const path = picked.get(ref.token);
        if (!path) throw SigndropError.of('invalid-input', 'That file was not picked in this session; pick it again.');
        return { path };
      });
      return enqueueSources(
        { uploads: core.uploads, profiles: core.profiles, settings: core.settings, dataDir },
        { profileId, expiresInSeconds, sources, ...(disposition ? { disposition } : {}) },
      );
    },
    'uploads:list': async () => core.uploads.list(),
    'uploads:control': async ({ action, id }) => {
      await control(core.uploads, action, id);
      return null;
    },
    ...linkHandlers(core),
    'clipboard:write': async ({ text }) => {
      writeClipboard(text);
      return null;
    },
    'settings:get': () => core.settings.get(),
    'storage:notices': () => Promise.resolve(core.saveTroubles.current()),
    'settings:set': (patch) => core.settings.set(patch),
    'links:open': async ({ url }) => {
      const endpoints = (await core.profiles.list()).map((p) => p.endpoint);
      if (!isOpenableLink(url, endpoints))
        throw SigndropError.of('invalid-input', "Only https links, or links to a saved profile's endpoint, open in the browser.");
      await openExternal(url);
      return null;
    },
    'uploads:reveal': async ({ id }) => {
      showItemInFolder(localPath(id));
      return null;
    },
    'uploads:thumbnail': async ({ id }) => imageThumbnail(localPath(id)),
    ...requestHandlers(core.requests),
  };
}
