import type { Core } from '../../core';
import type { Handlers } from './handlers';

type RequestChannel = Extract<keyof Handlers, `requests:${string}`>;

/** The request-files channels: each a call into core's RequestService. */
export function requestHandlers(requests: Core['requests']): Pick<Handlers, RequestChannel> {
  return {
    'requests:create': (input) => requests.create(input),
    'requests:list': () => requests.list(),
    'requests:files': async ({ id }) => (await requests.sweep(id)).files,
    'requests:close': ({ id }) => requests.close(id),
    'requests:extend': ({ id, expiresInSeconds }) => requests.extend(id, expiresInSeconds),
    'requests:file-link': async ({ id, key, expiresInSeconds }) => {
      const { url, expiresAt, warning } = await requests.fileLink(id, key, expiresInSeconds);
      return { url, expiresAt, ...(warning ? { warning } : {}) };
    },
    'requests:delete-file': async ({ id, key }) => {
      await requests.deleteFile(id, key);
      return null;
    },
  };
}
