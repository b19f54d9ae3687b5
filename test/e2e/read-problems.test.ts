/**
 * A data folder whose files were damaged (a crash in the middle of a history line, a profiles file
 * cut short, a setting an editor got wrong): the app starts anyway, and the window says what it
 * set right, where the rest went, and lets the user dismiss each — instead of a log nobody reads.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

describe('files of the data folder that were read with a problem', () => {
  let h: Harness;
  let dataDir: string;
  beforeAll(async () => {
    h = await startHarness({
      seed: async (dir) => {
        dataDir = dir;
        await writeFile(join(dir, 'profiles.json'), '{"version":1,"profiles":[{"id":"a","na');
        await writeFile(join(dir, 'settings.json'), JSON.stringify({ version: 1, fileConcurrency: 999 }));
        await writeFile(join(dir, 'links.jsonl'), '{"t":"created","id":"x","profileId":"p1","bu');
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the window says what was set aside, reset or dropped, each until dismissed', async () => {
    const { page } = h;
    const said = page.locator('.save-notices [role="status"]');
    const profiles = said.filter({ hasText: join(dataDir, 'profiles.json') });
    const settings = said.filter({ hasText: join(dataDir, 'settings.json') });
    const history = said.filter({ hasText: join(dataDir, 'links.jsonl') });
    // The profiles were set aside, so the app starts on the welcome screen: the notice is why.
    await page.getByRole('heading', { name: 'Welcome to Signdrop' }).waitFor();
    await expect.poll(() => profiles.textContent()).toMatch(/profiles\.json could not be read \(.+\); it was kept as .+profiles\.json\..+/);
    expect(await settings.textContent()).toMatch(/.+settings\.json had a setting Signdrop could not use: .*fileConcurrency.*999/);
    expect(await history.textContent()).toMatch(/last entry in .+links\.jsonl was cut short .+ dropped; every earlier entry was loaded/);

    await settings.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => settings.count()).toBe(0);
    expect(await profiles.count()).toBe(1);
    expect(await history.count()).toBe(1);
  });
});
