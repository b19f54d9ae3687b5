import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Electron cannot load here (its binary is not installed): main/ code is tested with it mocked.
vi.mock('electron', () => ({}));
import { createPathQueue, PathInbox } from '../../../main/desktop/path-queue';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'signdrop-paths-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fakeCore = (profiles: { id: string; defaultExpirySeconds: number }[]) => {
  const enqueue = vi.fn(async (request: { files: readonly { relativePath: string }[] }) =>
    request.files.map((f) => ({ id: f.relativePath, name: f.relativePath })),
  );
  return { core: { profiles: { list: async () => profiles }, uploads: { enqueue } } as never, enqueue };
};

describe('enqueuePaths', () => {
  it("uploads the files with the first profile and its default link lifetime", async () => {
    await writeFile(join(dir, 'a.txt'), 'hello');
    const { core, enqueue } = fakeCore([{ id: 'work', defaultExpirySeconds: 3600 }, { id: 'home', defaultExpirySeconds: 60 }]);
    const result = await createPathQueue(core)([join(dir, 'a.txt')]);
    expect(result).toMatchObject({ ok: true, value: [{ name: 'a.txt' }] });
    expect(enqueue).toHaveBeenCalledWith(
      expect.objectContaining({ profileId: 'work', expiresInSeconds: 3600, files: [expect.objectContaining({ relativePath: 'a.txt', size: 5 })] }),
    );
  });

  it('asks for a profile first when there is none', async () => {
    const { core, enqueue } = fakeCore([]);
    const result = await createPathQueue(core)([join(dir, 'a.txt')]);
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/storage profile/) } });
    expect(enqueue).not.toHaveBeenCalled();
  });

  it('says which file it could not read', async () => {
    const { core } = fakeCore([{ id: 'work', defaultExpirySeconds: 3600 }]);
    const result = await createPathQueue(core)([join(dir, 'gone.txt')]);
    expect(result).toMatchObject({ ok: false, error: { code: 'file-unreadable', message: expect.stringContaining('gone.txt') } });
  });
});

describe('PathInbox', () => {
  it('holds files that arrive before the engine is ready, then passes everything on', () => {
    const inbox = new PathInbox();
    inbox.add(['/a']);
    inbox.add(['/b']);
    const sink = vi.fn();
    inbox.connect(sink);
    inbox.add(['/c']);
    inbox.add([]);
    expect(sink.mock.calls).toEqual([[['/a', '/b']], [['/c']]]);
  });
});
