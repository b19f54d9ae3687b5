/**
 * Builds `window.signdrop` from a transport. The preload passes Electron's ipcRenderer and
 * webUtils; the e2e harness passes Playwright's binding. Nothing here imports electron,
 * so the very same mapping runs in both.
 */
import { isPickedFile, type DroppedFile, type SigndropApi, type Unsubscribe } from '../common/api';
import type { ChannelInput, ChannelName, ChannelResult, EventName, EventPayloads, FileRef } from '../common/contract';

export interface Transport {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): Unsubscribe;
  /** Electron's webUtils.getPathForFile: the only way a dropped File becomes a path. */
  pathForFile(file: DroppedFile): string;
}

export function createApi(transport: Transport): SigndropApi {
  const { invoke } = transport;
  return {
    profiles: {
      list: () => invoke('profiles:list', undefined),
      save: (profile) => invoke('profiles:save', profile),
      remove: (id) => invoke('profiles:remove', { id }),
      test: (id) => invoke('profiles:test', { id }),
    },
    files: {
      pick: () => invoke('files:pick', undefined),
    },
    uploads: {
      enqueue: ({ profileId, expiresInSeconds, files }) => {
        const refs: FileRef[] = files.map((f) =>
          isPickedFile(f) ? { token: f.token } : { path: transport.pathForFile(f) },
        );
        return invoke('uploads:enqueue', { profileId, expiresInSeconds, files: refs });
      },
      list: () => invoke('uploads:list', undefined),
      onChanged: (listener) => transport.on('uploads:changed', listener),
    },
    links: {
      list: () => invoke('links:list', undefined),
      lifetime: (profileId, expiresInSeconds) => invoke('links:lifetime', { profileId, expiresInSeconds }),
      renew: (id, expiresInSeconds) => invoke('links:renew', { id, expiresInSeconds }),
      deleteObject: (id) => invoke('links:delete-object', { id }),
    },
    clipboard: {
      writeText: (text) => invoke('clipboard:write', { text }),
    },
  };
}
