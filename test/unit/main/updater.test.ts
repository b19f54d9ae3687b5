import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { setupUpdater } from '../../../main/desktop/updater';

const fakeUpdater = (available = false) =>
  Object.assign(new EventEmitter(), {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    checkForUpdates: vi.fn(async () => ({ isUpdateAvailable: available })),
    downloadUpdate: vi.fn(async () => []),
    quitAndInstall: vi.fn(),
  });

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('updates', () => {
  it('are off when the app is not packaged', async () => {
    const updater = fakeUpdater();
    const inform = vi.fn();
    const getUpdater = vi.fn(() => updater as never);
    const updates = setupUpdater({ isPackaged: false, updater: getUpdater, confirm: vi.fn(), inform });
    await updates.check(false);
    await updates.check(true);
    expect(getUpdater).not.toHaveBeenCalled();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(inform).toHaveBeenCalledWith(expect.stringContaining('installed app'));
  });

  it('never download or install on their own', () => {
    const updater = fakeUpdater();
    setupUpdater({ isPackaged: true, updater: () => updater as never, confirm: vi.fn(), inform: vi.fn() });
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('download and install only after the user says yes, each time', async () => {
    const updater = fakeUpdater(true);
    const confirm = vi.fn(async () => true);
    setupUpdater({ isPackaged: true, updater: () => updater as never, confirm, inform: vi.fn() });
    updater.emit('update-available', { version: '1.2.0' });
    await settle();
    expect(updater.downloadUpdate).toHaveBeenCalledOnce();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    updater.emit('update-downloaded', { version: '1.2.0' });
    await settle();
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(updater.quitAndInstall).toHaveBeenCalledOnce();
  });

  it('do nothing when the user says not now', async () => {
    const updater = fakeUpdater(true);
    setupUpdater({ isPackaged: true, updater: () => updater as never, confirm: async () => false, inform: vi.fn() });
    updater.emit('update-available', { version: '1.2.0' });
    updater.emit('update-downloaded', { version: '1.2.0' });
    await settle();
    expect(updater.downloadUpdate).not.toHaveBeenCalled();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('answer a manual check, and stay quiet on a failed check at start', async () => {
    const inform = vi.fn();
    const updater = fakeUpdater(false);
    const updates = setupUpdater({ isPackaged: true, updater: () => updater as never, confirm: vi.fn(), inform });
    await updates.check(true);
    expect(inform).toHaveBeenLastCalledWith('You have the latest version of Signdrop.');
    updater.checkForUpdates.mockRejectedValueOnce(new Error('offline'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await updates.check(false);
    expect(inform).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
