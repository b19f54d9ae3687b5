import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oldCliDataDir, signdropDataDir } from '../../../core/data-dir';
import { migrateOldCliFolder } from '../../../core/data-dir-migration';
import { ProfileStore } from '../../../core/profiles/profile-store';

const base = { endpoint: '', region: 'eu-west-2', bucket: 'my-bucket', pathStyle: false, accessKeyId: 'AKIAEXAMPLE' };

describe('one data folder for the app and the CLI', () => {
  it('is where Electron keeps the user data of an app named Signdrop, on each system', () => {
    expect(signdropDataDir({}, 'linux', '/home/ann')).toBe('/home/ann/.config/Signdrop');
    expect(signdropDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ann')).toBe('/xdg/Signdrop');
    expect(signdropDataDir({}, 'darwin', '/Users/ann')).toBe('/Users/ann/Library/Application Support/Signdrop');
    expect(signdropDataDir({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann')).toBe('C:\\Users\\ann\\AppData\\Roaming\\Signdrop');
    expect(signdropDataDir({ SIGNDROP_CONFIG_DIR: '/srv/signdrop' }, 'darwin', '/Users/ann')).toBe('/srv/signdrop');
  });

  it('the old CLI folder is ~/.config/signdrop, and nothing is migrated into a folder named by SIGNDROP_CONFIG_DIR', () => {
    expect(oldCliDataDir({ HOME: '/home/ann' })).toBe('/home/ann/.config/signdrop');
    expect(oldCliDataDir({ SIGNDROP_CONFIG_DIR: '/srv/signdrop' })).toBeUndefined();
  });

  it('moves the old CLI folder once, with a notice: its profiles join the app\'s (a taken name gets " (CLI)")', async () => {
    const home = await mkdtemp(join(tmpdir(), 'signdrop-home-'));
    const old = join(home, '.config', 'signdrop');
    const shared = join(home, '.config', 'Signdrop');
    await mkdir(old, { recursive: true });
    await new ProfileStore(old).save({ ...base, name: 'work', id: 'cli-work' });
    await new ProfileStore(old).save({ ...base, name: 'home', id: 'cli-home' });
    await writeFile(join(old, 'notes.json'), '{}');
    await new ProfileStore(shared).save({ ...base, name: 'Work', id: 'app-work' });

    const notice = await migrateOldCliFolder(old, shared);
    expect(notice).toMatch(/moved 2 profiles there from .*\.config\/signdrop \(the old folder is kept as .*signdrop\.migrated\)/);
    const profiles = await new ProfileStore(shared).list();
    expect(profiles.map((p) => [p.id, p.name])).toEqual([
      ['app-work', 'Work'],
      ['cli-work', 'work (CLI)'],
      ['cli-home', 'home'],
    ]);
    expect(await readFile(join(shared, 'notes.json'), 'utf8')).toBe('{}');
    expect((await readdir(join(home, '.config'))).sort()).toEqual(['Signdrop', 'signdrop.migrated']);
    expect(await migrateOldCliFolder(old, shared)).toBeUndefined();
  });
});
