import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsPatch } from '../../../common/settings';
import { SettingsStore } from '../../../core/settings/settings-store';

const dir = () => mkdtemp(join(tmpdir(), 'signdrop-settings-'));

describe('SettingsStore', () => {
  it('starts with the defaults: copy after upload on, all links, plain URLs', async () => {
    expect(await new SettingsStore(await dir()).get()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.copyAfterUpload).toBe(true);
  });

  it('keeps a partial update across restarts, and the other settings as they were', async () => {
    const d = await dir();
    const store = new SettingsStore(d);
    await store.set({ copyFormat: 'template', copyTemplate: '{name} <{url}>' });
    const saved = await store.set({ copyAfterUpload: false });
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, copyFormat: 'template', copyTemplate: '{name} <{url}>', copyAfterUpload: false });
    expect(await new SettingsStore(d).get()).toEqual(saved);
    expect(JSON.parse(await readFile(join(d, 'settings.json'), 'utf8'))).toEqual(saved);
  });

  it('two quick updates both land', async () => {
    const d = await dir();
    const store = new SettingsStore(d);
    await Promise.all([store.set({ copyFormat: 'markdown' }), store.set({ batchCopy: 'page-link' })]);
    expect(await new SettingsStore(d).get()).toMatchObject({ copyFormat: 'markdown', batchCopy: 'page-link' });
  });

  it('a damaged file is kept aside and the defaults are used', async () => {
    const d = await dir();
    await writeFile(join(d, 'settings.json'), '{"copyFormat": "rot13"}');
    expect(await new SettingsStore(d).get()).toEqual(DEFAULT_SETTINGS);
    expect((await readdir(d)).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('an older file with fewer keys reads as a whole set', async () => {
    const d = await dir();
    await writeFile(join(d, 'settings.json'), '{"copyAfterUpload": false}');
    expect(await new SettingsStore(d).get()).toEqual({ ...DEFAULT_SETTINGS, copyAfterUpload: false });
  });

  it('main refuses unknown keys and wrong values in an update', () => {
    expect(SettingsPatch.safeParse({ copyFormat: 'rot13' }).success).toBe(false);
    expect(SettingsPatch.safeParse({ colour: 'dark' }).success).toBe(false);
    expect(SettingsPatch.safeParse({ theme: 'dark' }).success).toBe(true);
    expect(SettingsPatch.safeParse({ fileConcurrency: 0 }).success).toBe(false);
    expect(SettingsPatch.safeParse({ partConcurrency: 17 }).success).toBe(false);
    expect(SettingsPatch.safeParse({ clipboardShortcut: { enabled: true, accelerator: 'U' } }).success).toBe(false);
    expect(SettingsPatch.safeParse({ clipboardShortcut: { enabled: true, accelerator: 'CommandOrControl+Shift+U' } }).success).toBe(true);
    expect(SettingsPatch.safeParse({ copyTemplate: 'x'.repeat(5000) }).success).toBe(false);
    expect(SettingsPatch.safeParse({ batchCopy: 'all-links' }).success).toBe(true);
  });

  it('launch at login and the shortcut are off until turned on; junk files are skipped by default', async () => {
    const settings = await new SettingsStore(await dir()).get();
    expect(settings).toMatchObject({ launchAtLogin: false, clipboardShortcut: { enabled: false }, skipJunkFiles: true, theme: 'system' });
  });

  it('takes over the desktop settings an older version kept in desktop.json, once', async () => {
    const d = await dir();
    const old = { launchAtLogin: true, clipboardShortcut: { enabled: true, accelerator: 'Control+Alt+U' } };
    await writeFile(join(d, 'desktop.json'), JSON.stringify(old));
    expect(await new SettingsStore(d).get()).toMatchObject(old);
    expect(await readdir(d)).toEqual(expect.arrayContaining(['desktop.json.migrated', 'settings.json']));
    expect(await new SettingsStore(d).get()).toMatchObject(old);
  });

  it('a change an applier refuses is not saved, and listeners hear only saved changes', async () => {
    const d = await dir();
    const store = new SettingsStore(d);
    const heard: string[] = [];
    store.onChanged((s) => heard.push(s.theme));
    store.useApplier(async (next) => {
      if (next.theme === 'light') throw new Error('refused');
      return next;
    });
    await store.set({ theme: 'dark' });
    await expect(store.set({ theme: 'light' })).rejects.toThrow('refused');
    expect(heard).toEqual(['dark']);
    expect((await new SettingsStore(d).get()).theme).toBe('dark');
  });
});
