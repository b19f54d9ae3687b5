/**
 * A data folder that stops taking writes (a read-only remount, a full disk) on a real file system:
 * uploads go on, the user is told once with the path and the reason, links wait in memory and
 * reach the history as soon as the disk takes them again.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaveNotice } from '../../../common/save-notice';
import { createCore } from '../../../core';
import { LinkHistory } from '../../../core/links/link-history';
import { OneOffProfiles } from '../../../core/profiles/one-off-profiles';
import { tryLock } from '../../../core/storage/file-lock';
import { holdProcessLock } from '../../../core/storage/process-lock';
import { collectFiles } from '../../../core/uploads/collect-files';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { createTestBucket, rgwEndpoint } from '../../support/s3';
import { testCredentials, testProfile } from '../transfer/helpers';
import { mountTmpfs, type Tmpfs } from '../../support/tmpfs';
import { buildCli } from '../cli/build-cli';
import { envKeys } from '../cli/cli-fixtures';
import { ROOT, signdrop } from '../cli/cli-harness';

let proxy: FaultProxy;
const mounts: Tmpfs[] = [];
beforeAll(async () => {
  await buildCli();
  proxy = await startFaultProxy(rgwEndpoint());
}, 120_000);
afterAll(async () => {
  await proxy.close();
  for (const m of mounts) await m.unmount();
});

/**
 * A data folder on its own small tmpfs, uploading one file at a time so a batch takes a few seconds
 * (files above 1 MiB: smaller ones would share the one slot, four at once).
 */
async function dataFolder(sizeMiB = 4): Promise<Tmpfs> {
  const fs = await mountTmpfs(sizeMiB);
  mounts.push(fs);
  await writeFile(join(fs.dir, 'settings.json'), JSON.stringify({ fileConcurrency: 1 }));
  return fs;
}

async function files(count: number, size: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'signdrop-datafolder-'));
  await Promise.all(Array.from({ length: count }, (_, i) => writeFile(join(dir, `f${String(i).padStart(2, '0')}.bin`), Buffer.alloc(size, i))));
  return dir;
}

async function until(what: string, ok: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** `signdrop upload --json` as a child whose output the test reads while it runs. */
function uploading(dir: string, bucket: string, configDir: string) {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/signdrop.js'), 'upload', dir, '--json', '--endpoint', proxy.endpoint, '--bucket', bucket, '--path-style', '--region', 'us-east-1'],
    { env: { ...envKeys(), SIGNDROP_CONFIG_DIR: configDir, HOME: tmpdir(), PATH: process.env['PATH'] } },
  );
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const links = () =>
    out.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => (JSON.parse(l) as { url: string }).url);
  return { out, exited, links };
}

const history = async (configDir: string) => {
  const listed = await signdrop(['history', '--json'], { ...envKeys(), SIGNDROP_CONFIG_DIR: configDir });
  expect(listed.code).toBe(0);
  expect(listed.stderr).toBe('');
  return listed.lines.map((l) => l['url'] as string);
};

describe('a data folder that refuses writes', () => {
  it('turns read-only mid-batch: the batch finishes, the user is told, and once writable again the history holds every link', async () => {
    const fs = await dataFolder();
    const bucket = await createTestBucket('ro-core');
    const core = await createCore({ dataDir: fs.dir, credentials: await testCredentials(), profiles: new OneOffProfiles(testProfile(proxy.endpoint, bucket)) });
    const notices: SaveNotice[] = [];
    core.saveTroubles.onNotice((n) => notices.push(n));
    const batch = await collectFiles([await files(6, 200_000)]);
    proxy.throttleBytesPerSecond = 400_000;
    try {
      const items = await core.uploads.enqueue({ profileId: 'p', expiresInSeconds: 3600, files: batch.files });
      await until('the first link', () => core.uploads.list().some((i) => i.state === 'completed'));
      await fs.readOnly();
      await core.uploads.idle();
      const done = core.uploads.list();
      expect(done.map((i) => i.state)).toEqual(items.map(() => 'completed'));
      await until('the notice', () => notices.some((n) => n.kind === 'links'));
      expect(notices.find((n) => n.kind === 'links')?.message).toBe(
        `Could not save ${join(fs.dir, 'links.jsonl')}: the disk is read-only. Uploads go on; their links are kept in memory (lost if Signdrop quits before then) and saved as soon as writing works again.`,
      );
      // Every link is listed meanwhile, from memory.
      expect((await core.links.list()).map((l) => l.url).sort()).toEqual(done.map((i) => i.link!.url).sort());
      await fs.writable();
      // Nobody asks: the retries put them on disk, and say so.
      await until('the links saved again', () => notices.some((n) => n.kind === 'links' && n.state === 'saved'), 10_000);
      const onDisk = await new LinkHistory(fs.dir).list();
      expect(onDisk.map((l) => l.url).sort()).toEqual(done.map((i) => i.link!.url).sort());
      await core.uploads.close();
    } finally {
      proxy.throttleBytesPerSecond = 0;
    }
  });

  it('the CLI: read-only after the first links, writable again before the end: exit 0, every link printed and in the history, the user told both', async () => {
    const fs = await dataFolder();
    const bucket = await createTestBucket('ro-cli');
    proxy.throttleBytesPerSecond = 2_000_000;
    try {
      const run = uploading(await files(8, 1_100_000), bucket, fs.dir);
      await until('the first link', () => run.links().length >= 1);
      await fs.readOnly();
      await until('the warning', () => run.out.stderr.includes('read-only'));
      const before = run.links().length;
      await until('a link made while read-only', () => run.links().length > before);
      await fs.writable();
      expect(await run.exited, run.out.stderr).toBe(0);
      expect(run.links(), run.out.stderr).toHaveLength(8);
      const lines = run.out.stderr.split('\n');
      expect(lines).toContain(
        `signdrop: warning: Could not save ${join(fs.dir, 'links.jsonl')}: the disk is read-only. Uploads go on; their links are kept in memory (lost if Signdrop quits before then) and saved as soon as writing works again.`,
      );
      expect(lines).toContain(`signdrop: note: ${join(fs.dir, 'links.jsonl')} can be written again: every link is in the history again.`);
      expect((await history(fs.dir)).sort()).toEqual(run.links().sort());
    } finally {
      proxy.throttleBytesPerSecond = 0;
    }
  });

  it('the CLI on a disk that fills up mid-batch: exit 0, every link printed, told the disk is full and which links are only in memory; nothing on disk damaged', async () => {
    const fs = await dataFolder(2);
    const bucket = await createTestBucket('full-cli');
    proxy.throttleBytesPerSecond = 2_000_000;
    try {
      const run = uploading(await files(12, 1_100_000), bucket, fs.dir);
      await until('the first link', () => run.links().length >= 1);
      await fs.fill();
      expect(await run.exited, run.out.stderr).toBe(0);
      expect(run.links(), run.out.stderr).toHaveLength(12);
      expect(run.out.stderr).toContain(`signdrop: warning: Could not save ${join(fs.dir, 'links.jsonl')}: the disk is full.`);
      expect(run.out.stderr).toMatch(
        /signdrop: warning: \d+ links could not be saved to .*links\.jsonl \(the disk is full\) and are only in memory\. The links printed by this command are the only copy: keep them\.\n/,
      );
      await fs.free();
      // What reached the disk is whole (history says nothing about damaged lines) and is what was printed.
      const kept = await history(fs.dir);
      expect(kept.length).toBeGreaterThanOrEqual(1);
      for (const url of kept) expect(run.links()).toContain(url);
    } finally {
      proxy.throttleBytesPerSecond = 0;
    }
  });

  it("a lock taken on a full disk fails with the disk's reason and leaves no empty lock to hold the next process off", async () => {
    const fs = await dataFolder(1);
    await fs.fill();
    const lock = join(fs.dir, 'settings.json.lock');
    await expect(tryLock(lock, 30_000)).rejects.toMatchObject({ code: 'ENOSPC' });
    await expect(holdProcessLock(join(fs.dir, 'cli-queue.lock'))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect((await readdir(fs.dir)).filter((name) => name.endsWith('.lock'))).toEqual([]);
    await fs.free();
    const release = await tryLock(lock, 30_000);
    expect(release).toBeDefined();
    await release!();
  });
});
