/**
 * The walking skeleton on real services: a profile whose secret lands in gnome-keyring,
 * a file streamed to radosgw through a presigned PUT, and a presigned GET link that
 * downloads the same bytes — through the very handlers Electron's ipcMain calls.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { QueueSnapshot, UploadItem } from '../../common/uploads';
import { createTestApp, type TestApp } from '../support/app';
import { createTestBucket, RGW_USER, rgwProfile } from '../support/s3';

const run = promisify(execFile);

/** Every item state the window was sent, in order. */
const itemsSent = (app: TestApp): UploadItem[] => app.events.flatMap((e) => (e.event === 'uploads:changed' ? (e.payload as QueueSnapshot).items : []));

async function waitForFinished(app: TestApp, id: string): Promise<UploadItem> {
  return vi.waitFor(
    () => {
      const last = itemsSent(app)
        .filter((i) => i.id === id)
        .at(-1);
      if (!last || (last.state !== 'completed' && last.state !== 'failed')) throw new Error(`still ${last?.state}`);
      return last;
    },
    { timeout: 30_000, interval: 50 },
  );
}

describe('from a dropped file to a shareable link', () => {
  let app: TestApp;
  let bucket: string;
  let logged = '';
  const file = join(__dirname, '..', '..', 'out', `slice-${randomBytes(3).toString('hex')}.bin`);
  const bytes = randomBytes(300_000);

  beforeAll(async () => {
    // Everything the app logs during the flow, to check that no secret leaks into a log.
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[method];
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged += `${args.map(String).join(' ')}\n`;
        original(...args);
      });
    }
    app = await createTestApp();
    bucket = await createTestBucket('slice');
    await writeFile(file, bytes);
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await app.close();
  });

  it('saves a profile: the secret goes to the keychain, the renderer learns only that it is set', async () => {
    const saved = await app.invoke('profiles:save', rgwProfile('Local Ceph', bucket));
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.value.hasSecret).toBe(true);
    expect(saved.value).not.toHaveProperty('secretAccessKey');

    // The item really is in gnome-keyring, found by the same tool a user would use.
    const { stdout } = await run('secret-tool', ['search', '--all', 'service', app.keychainService]);
    expect(stdout).toContain(`${saved.value.id}@${app.keychainService}`);
    expect(stdout).toContain(`secret = {"secretAccessKey":"${RGW_USER.secretAccessKey}"}`);
  });

  it('uploads the file and returns a link that downloads the same bytes', async () => {
    const profile = (await app.invoke('profiles:list', undefined)) as { ok: true; value: { id: string }[] };
    const queued = await app.invoke('uploads:enqueue', {
      profileId: profile.value[0]!.id,
      expiresInSeconds: 3600,
      files: [{ path: file }],
    });
    expect(queued.ok).toBe(true);
    if (!queued.ok) return;
    const done = await waitForFinished(app, queued.value.items[0]!.id);
    expect(done.error).toBeUndefined();
    expect(done.state).toBe('completed');
    expect(done.link!.url).not.toMatch(/x-amz-checksum|x-amz-sdk-checksum-algorithm/i);

    const response = await fetch(done.link!.url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);

    // Copy goes through main's clipboard.
    const copied = await app.invoke('clipboard:write', { text: done.link!.url });
    expect(copied.ok).toBe(true);
    expect(app.clipboard).toEqual([done.link!.url]);
  });

  it('radosgw refuses the same link once its signature is altered', async () => {
    const done = itemsSent(app).find((i) => i.state === 'completed')!;
    const url = new URL(done.link!.url);
    const signature = url.searchParams.get('X-Amz-Signature')!;
    url.searchParams.set('X-Amz-Signature', `${signature[0] === '0' ? '1' : '0'}${signature.slice(1)}`);
    const response = await fetch(url);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('SignatureDoesNotMatch');
  });

  it('refuses input that breaks the contract, with words', async () => {
    const result = await app.invokeRaw('uploads:enqueue', { profileId: 'x', expiresInSeconds: 604_801, files: [{ path: file }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok) expect(result.error.message).toMatch(/7 days/);
    const unknown = await app.invokeRaw('shell:exec', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('the secret access key is in no IPC result, log line or file outside the keychain', async () => {
    const secret = RGW_USER.secretAccessKey;
    expect(app.results.length).toBeGreaterThan(3);
    expect(JSON.stringify(app.results)).not.toContain(secret);
    expect(JSON.stringify(app.events)).not.toContain(secret);
    expect(logged).not.toContain(secret);
    const files = await readdir(app.dataDir, { recursive: true });
    expect(files).toContain('profiles.json');
    for (const name of files) {
      const content = await readFile(join(app.dataDir, name)).catch(() => Buffer.alloc(0));
      expect(content.includes(secret), `${name} holds the secret`).toBe(false);
    }
  });
});
