/**
 * The one entry point that puts sources in the queue, on real files in a temporary folder.
 * The queue is a recorder: what it does with the files is upload-queue.test.ts's concern.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enqueueSources, type EnqueueSourcesDeps } from '../../../core/uploads/enqueue-sources';
import type { EnqueueRequest } from '../../../core/uploads/upload-queue';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'signdrop-sources-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const setup = (profiles: { id: string; defaultExpirySeconds: number }[] = [{ id: 'work', defaultExpirySeconds: 3600 }]) => {
  const enqueue = vi.fn(async (request: EnqueueRequest) => request.files.map((f) => ({ id: f.relativePath, name: f.relativePath }) as never));
  const deps: EnqueueSourcesDeps = { uploads: { enqueue }, profiles: { list: async () => profiles }, dataDir: join(dir, 'data') };
  const files = () => enqueue.mock.calls.flatMap(([request]) => request.files);
  return { deps, enqueue, files };
};

describe('enqueueSources', () => {
  it('uploads files with the first profile and its default link lifetime when none is named', async () => {
    await writeFile(join(dir, 'a.txt'), 'hello');
    const { deps, enqueue } = setup([
      { id: 'work', defaultExpirySeconds: 3600 },
      { id: 'home', defaultExpirySeconds: 60 },
    ]);
    const result = await enqueueSources(deps, { sources: [{ path: join(dir, 'a.txt') }] });
    expect(result).toMatchObject({ items: [{ name: 'a.txt' }], skipped: [] });
    expect(enqueue).toHaveBeenCalledWith(
      expect.objectContaining({ profileId: 'work', expiresInSeconds: 3600, files: [expect.objectContaining({ relativePath: 'a.txt', size: 5 })] }),
    );
  });

  it("uses the profile and lifetime it is given, and the named profile's default when only the profile is given", async () => {
    await writeFile(join(dir, 'a.txt'), 'hello');
    const { deps, enqueue } = setup([
      { id: 'work', defaultExpirySeconds: 3600 },
      { id: 'home', defaultExpirySeconds: 60 },
    ]);
    await enqueueSources(deps, { profileId: 'home', expiresInSeconds: 600, sources: [{ path: join(dir, 'a.txt') }] });
    await enqueueSources(deps, { profileId: 'home', sources: [{ path: join(dir, 'a.txt') }] });
    expect(enqueue.mock.calls.map(([r]) => [r.profileId, r.expiresInSeconds])).toEqual([
      ['home', 600],
      ['home', 60],
    ]);
  });

  it('asks for a profile first when there is none', async () => {
    const { deps, enqueue } = setup([]);
    await expect(enqueueSources(deps, { sources: [{ path: join(dir, 'a.txt') }] })).rejects.toMatchObject({
      appError: { code: 'not-found', message: expect.stringMatching(/storage profile/) },
    });
    expect(enqueue).not.toHaveBeenCalled();
  });

  it('walks folders, keeping their relative paths in name order', async () => {
    await mkdir(join(dir, 'photos', 'raw'), { recursive: true });
    await writeFile(join(dir, 'photos', 'b.jpg'), 'b');
    await writeFile(join(dir, 'photos', 'a.jpg'), 'a');
    await writeFile(join(dir, 'photos', 'raw', 'c.dng'), 'c');
    const { deps, files } = setup();
    await enqueueSources(deps, { sources: [{ path: join(dir, 'photos') }] });
    expect(files().map((f) => f.relativePath)).toEqual(['photos/a.jpg', 'photos/b.jpg', 'photos/raw/c.dng']);
  });

  it('keeps in-memory content as a private file under the data folder, with a plain file name', async () => {
    const { deps, files } = setup();
    await enqueueSources(deps, {
      profileId: 'work',
      expiresInSeconds: 60,
      sources: [{ name: '../../notes.txt', bytes: new TextEncoder().encode('meeting notes') }],
    });
    const [file] = files();
    expect(file!.relativePath).toBe('notes.txt');
    expect(file!.path.startsWith(join(dir, 'data', 'pasted'))).toBe(true);
    expect(await readFile(file!.path, 'utf8')).toBe('meeting notes');
    expect((await stat(file!.path)).mode & 0o777).toBe(0o600);
  });

  it('names pasted screenshots by the time, since Chromium calls every one "image.png"', async () => {
    const { deps, files } = setup();
    await enqueueSources({ ...deps, now: () => new Date('2026-03-01T10:00:00Z') }, { sources: [{ name: 'image.png', bytes: new Uint8Array([137, 80]) }] });
    expect(files()[0]!.relativePath).toBe('Pasted image 2026-03-01 10.00.00.png');
  });

  it('reports what it skipped and queues the rest', async () => {
    await writeFile(join(dir, 'a.txt'), 'hello');
    const { deps, files } = setup();
    const result = await enqueueSources(deps, { sources: [{ path: join(dir, 'gone.txt') }, { path: join(dir, 'a.txt') }] });
    expect(files().map((f) => f.relativePath)).toEqual(['a.txt']);
    expect(result.skipped).toEqual([{ path: join(dir, 'gone.txt'), message: expect.stringContaining('ENOENT') }]);
  });

  it('says which file it could not read when nothing can be uploaded', async () => {
    const { deps, enqueue } = setup();
    await expect(enqueueSources(deps, { sources: [{ path: join(dir, 'gone.txt') }] })).rejects.toMatchObject({
      appError: { code: 'file-unreadable', message: expect.stringContaining('gone.txt') },
    });
    await mkdir(join(dir, 'empty'));
    await expect(enqueueSources(deps, { sources: [{ path: join(dir, 'empty') }] })).rejects.toMatchObject({
      appError: { code: 'file-unreadable', message: 'Nothing to upload: the folders are empty.' },
    });
    expect(enqueue).not.toHaveBeenCalled();
  });

  it('goes to the default profile when none is named, and skips system junk in folders unless told not to', async () => {
    const folder = join(dir, 'photos');
    await mkdir(join(folder, 'sub'), { recursive: true });
    for (const name of ['a.jpg', '.DS_Store', 'Thumbs.db', 'desktop.ini', '._a.jpg', 'sub/b.jpg', 'sub/.DS_Store']) await writeFile(join(folder, name), 'x');
    const { deps, enqueue, files } = setup([
      { id: 'work', defaultExpirySeconds: 3600 },
      { id: 'home', defaultExpirySeconds: 60 },
    ]);
    const settings = { defaultProfileId: 'home', skipJunkFiles: true };
    await enqueueSources({ ...deps, settings: { get: async () => settings } }, { sources: [{ path: folder }] });
    expect(enqueue.mock.calls[0]?.[0]).toMatchObject({ profileId: 'home', expiresInSeconds: 60 });
    expect(files().map((f) => f.relativePath)).toEqual(['photos/a.jpg', 'photos/sub/b.jpg']);
    settings.skipJunkFiles = false;
    await enqueueSources({ ...deps, settings: { get: async () => settings } }, { sources: [{ path: folder }] });
    expect(files()).toHaveLength(2 + 7);
  });

  it('uploads a junk-named file dropped on its own: the user chose it', async () => {
    await writeFile(join(dir, '.DS_Store'), 'x');
    const { deps, files } = setup();
    await enqueueSources(
      { ...deps, settings: { get: async () => ({ defaultProfileId: '', skipJunkFiles: true }) } },
      { sources: [{ path: join(dir, '.DS_Store') }] },
    );
    expect(files().map((f) => f.relativePath)).toEqual(['.DS_Store']);
  });
});
