import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileStore } from '../../../core/profiles/profile-store';

const base = { name: 'work', endpoint: '', region: 'eu-west-2', bucket: 'my-bucket', pathStyle: false, accessKeyId: 'AKIAEXAMPLE' };

async function dir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'signdrop-profiles-'));
}

describe('ProfileStore', () => {
  it('keeps several profiles across restarts, with defaults filled in', async () => {
    const d = await dir();
    const store = new ProfileStore(d);
    await store.save({ ...base, credentials: { kind: 'keychain' } });
    await store.save({ ...base, name: 'sso', accessKeyId: '', credentials: { kind: 'aws-profile', profile: 'dev-sso' } });
    const again = await new ProfileStore(d).list();
    expect(again.map((p) => p.name)).toEqual(['work', 'sso']);
    expect(again[0]).toMatchObject({ keyTemplate: '{uuid}/{filename}', defaultExpirySeconds: 86_400, credentials: { kind: 'keychain' } });
    expect(again[1]?.credentials).toEqual({ kind: 'aws-profile', profile: 'dev-sso' });
    expect(await new ProfileStore(d).findByName('SSO')).toMatchObject({ name: 'sso' });
  });

  it('an edited profile keeps its place, so the app still starts on the same one', async () => {
    const d = await dir();
    const store = new ProfileStore(d);
    const work = await store.save(base);
    await store.save({ ...base, name: 'home' });
    await store.save({ ...work, defaultExpirySeconds: 3600 });
    const again = await new ProfileStore(d).list();
    expect(again.map((p) => [p.name, p.defaultExpirySeconds])).toEqual([
      ['work', 3600],
      ['home', 86_400],
    ]);
  });

  it('reads a file written before credential sources existed as keychain profiles', async () => {
    const d = await dir();
    const old = { id: 'a1', ...base, keyTemplate: '{uuid}/{filename}', defaultExpirySeconds: 3600 };
    await writeFile(join(d, 'profiles.json'), JSON.stringify({ version: 1, profiles: [old] }));
    const store = new ProfileStore(d);
    expect(await store.list()).toEqual([{ ...old, credentials: { kind: 'keychain' } }]);
    expect(store.loadProblem).toBeUndefined();
  });

  it('writes atomically: no temporary file is left beside profiles.json', async () => {
    const d = await dir();
    const store = new ProfileStore(d);
    await Promise.all([1, 2, 3, 4, 5].map((n) => store.save({ ...base, name: `p${n}` })));
    expect(await readdir(d)).toEqual(['profiles.json']);
    expect(JSON.parse(await readFile(join(d, 'profiles.json'), 'utf8')).profiles).toHaveLength(5);
  });

  it('keeps a corrupt file aside as a backup, reports it, and does not crash', async () => {
    const d = await dir();
    const garbage = '{"version":1,"profiles":[{"id":"a1","name":"wo';
    await writeFile(join(d, 'profiles.json'), garbage);
    const store = new ProfileStore(d);
    expect(await store.list()).toEqual([]);
    expect(store.loadProblem).toMatch(/could not be read .* it was kept as .*profiles\.json\.corrupt-/);
    const files = await readdir(d);
    const backup = files.find((f) => f.startsWith('profiles.json.corrupt-'));
    expect(backup).toBeDefined();
    expect(await readFile(join(d, backup!), 'utf8')).toBe(garbage);
    // Saving afterwards starts a new file and never touches the backup.
    await store.save(base);
    expect(await readFile(join(d, backup!), 'utf8')).toBe(garbage);
    expect((await new ProfileStore(d).list()).map((p) => p.name)).toEqual(['work']);
  });

  it('treats valid JSON with the wrong shape as corrupt, never as an empty list to overwrite', async () => {
    const d = await dir();
    const wrong = JSON.stringify({ version: 1, profiles: [{ id: 'a1', name: 'x', bucket: 'NOT VALID' }] });
    await writeFile(join(d, 'profiles.json'), wrong);
    const store = new ProfileStore(d);
    expect(await store.list()).toEqual([]);
    expect(store.loadProblem).toContain('kept as');
    const backup = (await readdir(d)).find((f) => f.startsWith('profiles.json.corrupt-'));
    expect(await readFile(join(d, backup!), 'utf8')).toBe(wrong);
  });

  it('reports an unreadable file as an error and leaves it in place', async () => {
    // A folder where the file should be: unreadable for every user, root included (EISDIR).
    const d = await dir();
    await mkdir(join(d, 'profiles.json'));
    await expect(new ProfileStore(d).list()).rejects.toMatchObject({ appError: { code: 'file-unreadable' } });
    expect(await readdir(d)).toEqual(['profiles.json']);
  });
});

describe('ProfileStore shared by the app and the CLI', () => {
  it('each sees what the other saved, and neither overwrites it', async () => {
    const d = await dir();
    const app = new ProfileStore(d);
    const cli = new ProfileStore(d);
    await app.save({ ...base, name: 'app' });
    expect((await cli.list()).map((p) => p.name)).toEqual(['app']);
    await Promise.all([cli.save({ ...base, name: 'cli-1' }), app.save({ ...base, name: 'app-2' }), cli.save({ ...base, name: 'cli-2' })]);
    const names = (await new ProfileStore(d).list()).map((p) => p.name).sort();
    expect(names).toEqual(['app', 'app-2', 'cli-1', 'cli-2']);
    expect((await app.list()).map((p) => p.name).sort()).toEqual(names);
    expect((await readdir(d)).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });
});
