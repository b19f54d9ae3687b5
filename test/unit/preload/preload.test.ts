import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  return {
    exposed,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: null as unknown as EventEmitter & { invoke: ReturnType<typeof vi.fn> },
    // Like Electron: '' for a File that exists only in memory (here: names starting with "Pasted").
    webUtils: { getPathForFile: (file: { name: string }) => (file.name.startsWith('Pasted') ? '' : `/home/ada/Desktop/${file.name}`) },
  };
});
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  electron.ipcRenderer = Object.assign(new Emitter(), { invoke: vi.fn(async () => ({ ok: true, value: [] })) });
  return { contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer, webUtils: electron.webUtils };
});

import type { SigndropApi } from '../../../common/api';
import { channelNames, eventNames } from '../../../common/contract';

let api: SigndropApi;
beforeAll(async () => {
  await import('../../../preload/index');
  api = electron.exposed.get('signdrop') as SigndropApi;
});

/** Every value reachable from the exposed object. */
function reachable(value: unknown, seen = new Set<unknown>()): unknown[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return [value];
  seen.add(value);
  return [value, ...Object.values(value).flatMap((v) => reachable(v, seen))];
}

describe('preload', () => {
  it('exposes one world key, `signdrop`, with the domain API only', () => {
    expect([...electron.exposed.keys()]).toEqual(['signdrop']);
    expect(Object.keys(api).sort()).toEqual(['clipboard', 'files', 'links', 'profiles', 'requests', 'settings', 'shortcuts', 'storage', 'uploads']);
    expect(Object.keys(api.uploads).sort()).toEqual(['control', 'enqueue', 'list', 'onChanged', 'reveal', 'thumbnail']);
  });

  it('never hands the page ipcRenderer, a generic invoke/send, or a channel name', () => {
    const values = reachable(api);
    expect(values).not.toContain(electron.ipcRenderer);
    const strings = values.filter((v) => typeof v === 'string');
    expect(strings.filter((s) => (channelNames as string[]).includes(s as string) || (eventNames as string[]).includes(s as string))).toEqual([]);
    const keys = values.filter((v) => v && typeof v === 'object').flatMap((v) => Object.keys(v as object));
    expect(keys).not.toEqual(expect.arrayContaining(['invoke']));
    expect(keys).not.toEqual(expect.arrayContaining(['send']));
  });

  it('turns dropped Files into paths with webUtils.getPathForFile, and keeps picked files as tokens', async () => {
    await api.uploads.enqueue({
      profileId: 'p1',
      expiresInSeconds: 3600,
      files: [new File(['0123456789'], 'report.pdf'), { token: 't-1', name: 'a.txt', size: 1 }],
    });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('uploads:enqueue', {
      profileId: 'p1',
      expiresInSeconds: 3600,
      files: [{ path: '/home/ada/Desktop/report.pdf' }, { token: 't-1' }],
    });
  });

  it('sends the bytes of a pasted file that exists only in memory (getPathForFile answers "")', async () => {
    await api.uploads.enqueue({ profileId: 'p1', expiresInSeconds: 60, files: [new File(['hello, world'], 'Pasted image.png')] });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('uploads:enqueue', {
      profileId: 'p1',
      expiresInSeconds: 60,
      files: [{ name: 'Pasted image.png', base64: Buffer.from('hello, world').toString('base64') }],
    });
  });

  it('onChanged delivers the payload without the IPC event, and its unsubscribe removes the listener', () => {
    const seen: unknown[] = [];
    const off = api.uploads.onChanged((item) => seen.push(item));
    expect(electron.ipcRenderer.listenerCount('uploads:changed')).toBe(1);
    electron.ipcRenderer.emit('uploads:changed', { sender: 'secret' }, { id: 'u1' });
    expect(seen).toEqual([{ id: 'u1' }]);

    off();
    expect(electron.ipcRenderer.listenerCount('uploads:changed')).toBe(0);
    electron.ipcRenderer.emit('uploads:changed', {}, { id: 'u2' });
    expect(seen).toEqual([{ id: 'u1' }]);
  });
});
