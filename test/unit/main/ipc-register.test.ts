import { beforeEach, describe, expect, it, vi } from 'vitest';

const ipcMain = vi.hoisted(() => ({ handle: vi.fn() }));
vi.mock('electron', () => ({ ipcMain }));

import { channelNames } from '../../../common/contract';
import type { Handlers } from '../../../main/ipc/handlers';
import { registerHandlers } from '../../../main/ipc/register';
import { APP_ORIGIN } from '../../../main/security';

type Listener = (event: unknown, input: unknown) => Promise<unknown> | unknown;

const profiles = [{ id: 'p1', name: 'Work' }];
const handlers = Object.fromEntries(channelNames.map((name) => [name, vi.fn(async () => (name === 'profiles:list' ? profiles : null))])) as unknown as Handlers;

// Our window: a web contents whose main frame shows app://signdrop/.
const mainFrame = { url: `${APP_ORIGIN}/index.html` };
const ours = { mainFrame };

function registered(): Map<string, Listener> {
  return new Map(ipcMain.handle.mock.calls.map(([name, listener]) => [name as string, listener as Listener]));
}

describe('registerHandlers', () => {
  beforeEach(() => {
    ipcMain.handle.mockClear();
    registerHandlers(handlers, { webContents: () => ours as never, origin: APP_ORIGIN });
  });

  it('registers every contract channel, once each, and nothing else', () => {
    const names = ipcMain.handle.mock.calls.map(([name]) => name);
    expect([...names].sort()).toEqual([...channelNames].sort());
  });

  it("dispatches a call from our window's main frame to the handler", async () => {
    const result = await registered().get('profiles:list')!({ sender: ours, senderFrame: mainFrame }, undefined);
    expect(result).toEqual({ ok: true, value: profiles });
  });

  it.each([
    ['another web contents', { sender: { mainFrame: { url: mainFrame.url } }, senderFrame: mainFrame }],
    ['a subframe of our window', { sender: ours, senderFrame: { url: mainFrame.url } }],
    ['a frame that is gone (navigated or destroyed)', { sender: ours, senderFrame: undefined }],
    ['a missing frame', { sender: ours, senderFrame: null }],
  ])('denies %s without calling the handler', async (_what, event) => {
    const listPrfs = handlers['profiles:list'] as ReturnType<typeof vi.fn>;
    listPrfs.mockClear();
    const result = await registered().get('profiles:list')!(event, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'access-denied' } });
    expect(listPrfs).not.toHaveBeenCalled();
  });

  it('denies our own web contents when it shows a page from another origin', async () => {
    const evil = { url: 'https://evil.example/' };
    const hijacked = { mainFrame: evil };
    registerHandlers(handlers, { webContents: () => hijacked as never, origin: APP_ORIGIN });
    const listener = ipcMain.handle.mock.calls.at(-channelNames.length)![1] as Listener;
    expect(await listener({ sender: hijacked, senderFrame: evil }, undefined)).toMatchObject({ ok: false, error: { code: 'access-denied' } });
  });

  it('rejects input that does not match the channel schema, with a message naming the field', async () => {
    const result = await registered().get('profiles:remove')!({ sender: ours, senderFrame: mainFrame }, { id: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('id') } });
  });
});
