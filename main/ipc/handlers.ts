/**
 * What each IPC channel does, with its dependencies passed in and no electron import, so the
 * e2e harness runs these very handlers in plain Node behind a Playwright binding.
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ChannelName, ChannelParsed, ChannelValue, EventName, EventPayloads, PickedFile } from '../../common/contract';
import type { Core } from '../../core';
import { enqueueSources, type UploadSource } from '../../core/uploads/enqueue-sources';
import { publishSharePage } from '../../core/pages/publish-share-page';
import { shareSources } from '../../core/pages/share-sources';
import { SigndropError } from '../../common/result';
import { isFinished } from '../../common/uploads';

export interface HandlerDeps {
  readonly core: Core;
  /** Where pasted in-memory files are kept until uploaded (see enqueue-sources.ts). */
  readonly dataDir: string;
  /** Shows the OS open dialog; resolves the chosen paths (empty when cancelled). */
  readonly showOpenDialog: () => Promise<string[]>;
  readonly writeClipboard: (text: string) => void;
  readonly emit: <E extends EventName>(event: E, payload: EventPayloads[E]) => void;
}

export type Handlers = {
  [C in ChannelName]: (input: ChannelParsed<C>) => Promise<ChannelValue<C>>;
};

/**
 * Forwards the engine's events to the window: the queue batches its changes (at most ten a
 * second), one IPC message per batch. Returns the unsubscribe, for quitting.
 */
export function forwardEvents({ core, emit }: Pick<HandlerDeps, 'core' | 'emit'>): () => void {
  return core.uploads.onBatch((snapshot) => emit('uploads:changed', snapshot));
}

/** The handler of every channel in the contract. */
export function createHandlers({ core, dataDir, showOpenDialog, writeClipboard, emit }: HandlerDeps): Handlers {
  // Paths the user chose in our dialog, by token: the renderer holds tokens, not paths.
  const picked = new Map<string, string>();

  return {
    'profiles:list': () => core.profiles.list(),
    'profiles:save': (input) => core.profiles.save(input),
    'profiles:remove': async ({ id }) => {
      await core.profiles.remove(id);
      return null;
    },
    'profiles:test': ({ id }) => core.profiles.test(id),
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
        { uploads: core.uploads, profiles: core.profiles, dataDir },
        { profileId, expiresInSeconds, sources, ...(disposition ? { disposition } : {}) },
      );
    },
    'uploads:list': async () => core.uploads.list(),
    'uploads:control': async ({ action, id }) => {
      const queue = core.uploads;
      if (id) await queue[action](id);
      else if (action === 'pause') queue.pauseAll();
      else if (action === 'resume') queue.resumeAll();
      else if (action === 'retry') queue.retryAll();
      else if (action === 'cancel') await queue.cancelAll();
      // "Remove" for all clears what is finished; unfinished items stay queued.
      else
        await Promise.all(
          queue
            .list()
            .filter(isFinished)
            .map((item) => queue.remove(item.id)),
        );
      return null;
    },
    'links:list': () => core.links.list(),
    'links:lifetime': ({ profileId, expiresInSeconds }) => core.signer.linkLifetime(profileId, expiresInSeconds),
    'links:renew': ({ id, expiresInSeconds, disposition }) => core.links.renew(id, expiresInSeconds, disposition),
    'links:share-page': async (request) => publishSharePage(core.signer, await shareSources(core, request)),
    'links:delete-object': ({ id }) => core.links.deleteObject(id),
    'clipboard:write': async ({ text }) => {
      writeClipboard(text);
      return null;
    },
  };
}
