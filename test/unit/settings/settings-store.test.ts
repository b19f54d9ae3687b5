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
    expect(SettingsPatch.safeParse({ theme: 'dark' }).success).toBe(false);
    expect(SettingsPatch.safeParse({ copyTemplate: 'x'.repeat(5000) }).success).toBe(false);
    expect(SettingsPatch.safeParse({ batchCopy: 'all-links' }).success).toBe(true);
  });
});
