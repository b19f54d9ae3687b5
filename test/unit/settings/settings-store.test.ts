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

  it('a file that is not JSON is kept aside and the defaults are used', async () => {
    const d = await dir();
    await writeFile(join(d, 'settings.json'), '{"copyFormat": "markdown",');
    const warned: string[] = [];
    expect(await new SettingsStore(d, { warn: (m) => warned.push(m) }).get()).toEqual(DEFAULT_SETTINGS);
    expect((await readdir(d)).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
    expect(warned).toHaveLength(1);
  });

  it('one bad value resets that setting alone, says which, and keeps the others and unknown keys', async () => {
    const d = await dir();
    const file = join(d, 'settings.json');
    await writeFile(file, JSON.stringify({ copyFormat: 'rot13', fileConcurrency: 99, theme: 'dark', fromNewerVersion: { x: 1 } }));
    const warned: string[] = [];
    const store = new SettingsStore(d, { warn: (m) => warned.push(m) });
    expect(await store.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain('"copyFormat" was "rot13"');
    expect(warned[0]).toContain('"fileConcurrency" was 99 (At most 32 files at a time.), so it is back to its default, 8');
    expect(warned[0]).not.toContain('theme');
    expect(store.loadProblem).toBe(warned[0]);
    // The bad values left the file, so the next start is not told again; nothing was set aside.
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ theme: 'dark', fromNewerVersion: { x: 1 } });
    expect((await readdir(d)).some((f) => f.includes('corrupt'))).toBe(false);
    const again: string[] = [];
    expect((await new SettingsStore(d, { warn: (m) => again.push(m) }).get()).theme).toBe('dark');
    expect(again).toEqual([]);
    await store.set({ copyFormat: 'html' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ copyFormat: 'html', theme: 'dark', fromNewerVersion: { x: 1 } });
  });

  it("another store's change on the same folder is seen at the next read, and its listeners hear it", async () => {
    const d = await dir();
    const app = new SettingsStore(d);
    const cli = new SettingsStore(d);
    const heard: string[] = [];
    app.onChanged((s) => heard.push(s.defaultProfileId));
    await app.set({ theme: 'dark' });
    await cli.set({ defaultProfileId: 'work' });
    expect(await app.get()).toMatchObject({ theme: 'dark', defaultProfileId: 'work' });
    expect(heard).toEqual(['', 'work']);
    await app.set({ copyFormat: 'markdown' });
    expect(await cli.get()).toMatchObject({ theme: 'dark', defaultProfileId: 'work', copyFormat: 'markdown' });
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
