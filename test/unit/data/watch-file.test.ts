import { appendFileSync } from 'node:fs';
import { appendFile, mkdtemp, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchFile } from '../../../core/storage/watch-file';

const QUIET_MS = 300;
const settle = () => new Promise((resolve) => setTimeout(resolve, QUIET_MS * 2));

describe('watchFile', () => {
  it('hears a burst of appends once, a replacing rename once more, nothing from other files or after the stop', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'signdrop-watch-'));
    const file = join(dir, 'links.jsonl');
    let calls = 0;
    const stop = watchFile(file, () => calls++, QUIET_MS);

    // A batch of links, written in one go.
    for (let i = 0; i < 20; i++) appendFileSync(file, `line ${i}\n`);
    await settle();
    expect(calls).toBe(1);

    // How a compaction or an atomic save replaces the file: a watch on the old file would miss it.
    await writeFile(join(dir, 'links.jsonl.tmp'), 'compacted\n');
    await rename(join(dir, 'links.jsonl.tmp'), file);
    await settle();
    expect(calls).toBe(2);

    await writeFile(join(dir, 'settings.json'), '{}');
    await settle();
    expect(calls).toBe(2);

    stop();
    await appendFile(file, 'after the stop\n');
    await settle();
    expect(calls).toBe(2);
  });

  it('a folder that does not exist yet is made and watched', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'signdrop-watch-')), 'new', 'settings.json');
    let calls = 0;
    const stop = watchFile(file, () => calls++, QUIET_MS);
    await writeFile(file, '{}');
    await settle();
    stop();
    expect(calls).toBe(1);
  });
});
