/**
 * The app's core across a restart on the same data folder: finished uploads stay in the queue and
 * in the link history exactly once, and the history keeps working links.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../core';
import { MemoryCredentialStore } from '../../core/credentials/credential-store';
import { collectFiles } from '../../core/uploads/collect-files';
import { createTestBucket, rgwProfile } from '../support/s3';

describe('restart', () => {
  it('a finished upload is in the queue and the history once after the app restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'signdrop-restart-'));
    const credentials = new MemoryCredentialStore();
    const file = join(dataDir, 'minutes.txt');
    const bytes = randomBytes(4096);
    await writeFile(file, bytes);

    const first = await createCore({ dataDir, credentials });
    const profile = await first.profiles.save(rgwProfile('restart', await createTestBucket('restart')));
    const { files } = await collectFiles([file]);
    await first.uploads.enqueue({ profileId: profile.id, expiresInSeconds: 3600, files });
    await first.uploads.idle();
    await expect.poll(async () => (await first.links.list()).length).toBe(1);
    await first.uploads.close();

    const second = await createCore({ dataDir, credentials });
    expect(second.uploads.list().map((i) => i.state)).toEqual(['completed']);
    // Give the restored items' first change batch time to be delivered.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const links = await second.links.list();
    expect(links).toHaveLength(1);
    const response = await fetch(links[0]!.url);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    await second.uploads.close();
  });
});
