/**
 * Builds `window.signdrop` from a transport. The preload passes Electron's ipcRenderer and
 * webUtils; the e2e harness passes Playwright's binding. Nothing here imports electron,
 * so the very same mapping runs in both.
 */
import { isPickedFile, type DroppedFile, type FileSource, type SigndropApi, type Unsubscribe } from '../common/api';
import type { ChannelInput, ChannelName, ChannelResult, EventName, EventPayloads, FileRef } from '../common/contract';

export interface Transport {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): Unsubscribe;
  /**
   * Electron's webUtils.getPathForFile: the only way a dropped File becomes a path.
   * Empty for a File that exists only in memory (a pasted screenshot).
   */
  pathForFile(file: DroppedFile): string;
}

async function fileRef(file: FileSource, transport: Transport): Promise<FileRef> {
  if (isPickedFile(file)) return { token: file.token };
  const path = transport.pathForFile(file);
  if (path) return { path };
  // Not on disk: send its bytes, and main keeps them as a file to upload.
  return { name: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) };
}

/** Base64 without Buffer (absent in a sandboxed preload), in chunks to stay under argument limits. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function createApi(transport: Transport): SigndropApi {
  const { invoke } = transport;
  return {
    profiles: {
      list: () => invoke('profiles:list', undefined),
      onChanged: (listener) => transport.on('profiles:changed', () => listener()),
      save: (profile) => invoke('profiles:save', profile),
      remove: (id) => invoke('profiles:remove', { id }),
      duplicate: (id) => invoke('profiles:duplicate', { id }),
      test: (id) => invoke('profiles:test', { id }),
      expireAfterDays: (id) => invoke('profiles:expire-after-get', { id }),
      setExpireAfter: (id, days) => invoke('profiles:expire-after', { id, days }),
      testDraft: (profile) => invoke('profiles:test-draft', profile),
    },
    files: {
      pick: () => invoke('files:pick', undefined),
    },
    uploads: {
      enqueue: async ({ profileId, expiresInSeconds, files, disposition }) => {
        const refs = await Promise.all(files.map((f) => fileRef(f, transport)));
        return invoke('uploads:enqueue', { profileId, expiresInSeconds, files: refs, ...(disposition ? { disposition } : {}) });
      },
      list: () => invoke('uploads:list', undefined),
      control: (action, id) => invoke('uploads:control', id ? { action, id } : { action }),
      onChanged: (listener) => transport.on('uploads:changed', listener),
      reveal: (id) => invoke('uploads:reveal', { id }),
      thumbnail: (id) => invoke('uploads:thumbnail', { id }),
    },
    links: {
      list: () => invoke('links:list', undefined),
      onChanged: (listener) => transport.on('links:changed', () => listener()),
      lifetime: (profileId, expiresInSeconds) => invoke('links:lifetime', { profileId, expiresInSeconds }),
      renew: (id, expiresInSeconds, disposition) => invoke('links:renew', { id, expiresInSeconds, ...(disposition ? { disposition } : {}) }),
      sharePage: ({ uploadIds, linkIds }) =>
        invoke('links:share-page', { ...(uploadIds ? { uploadIds: [...uploadIds] } : {}), ...(linkIds ? { linkIds: [...linkIds] } : {}) }),
      deleteObject: (id) => invoke('links:delete-object', { id }),
      cleanupExpired: (dryRun, objects) => invoke('links:cleanup-expired', { dryRun, ...(objects ? { objects: [...objects] } : {}) }),
      open: (url) => invoke('links:open', { url }),
      query: ({ search, filter, now, offset, limit }) => invoke('links:query', { search, filter, now, offset, limit }),
      matchingIds: ({ search, filter, now }) => invoke('links:matching-ids', { search, filter, now }),
      getMany: (ids) => invoke('links:get-many', { ids: [...ids] }),
      renewMany: (ids, expiresInSeconds, disposition) =>
        invoke('links:renew-many', { ids: [...ids], expiresInSeconds, ...(disposition ? { disposition } : {}) }),
      deleteMany: (ids) => invoke('links:delete-many', { ids: [...ids] }),
    },
    clipboard: {
      writeText: (text) => invoke('clipboard:write', { text }),
    },
    requests: {
      create: (input) => invoke('requests:create', input),
      list: () => invoke('requests:list', undefined),
      onChanged: (listener) => transport.on('requests:changed', () => listener()),
      files: (id) => invoke('requests:files', { id }),
      close: (id) => invoke('requests:close', { id }),
      extend: (id, expiresInSeconds) => invoke('requests:extend', { id, expiresInSeconds }),
      fileLink: (id, key, expiresInSeconds) => invoke('requests:file-link', { id, key, expiresInSeconds }),
      deleteFile: (id, key) => invoke('requests:delete-file', { id, key }),
      onArrived: (listener) => transport.on('requests:arrived', listener),
    },
    settings: {
      get: () => invoke('settings:get', undefined),
      set: (patch) => invoke('settings:set', patch),
      onChanged: (listener) => transport.on('settings:changed', listener),
    },
    shortcuts: {
      onMenu: (listener) => transport.on('window:shortcut', listener),
    },
    storage: {
      notices: () => invoke('storage:notices', undefined),
      onNotice: (listener) => transport.on('storage:notice', listener),
    },
  };
}
