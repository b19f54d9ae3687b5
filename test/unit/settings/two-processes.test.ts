/**
 * The app and the CLI changing settings.json at the same time: two Node processes, each adding its
 * own entries to one setting and changing its own key, lose nothing, and each sees the other's
 * change at its next read. Two processes, since the point is two lock holders and two caches.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAsAppAndCli } from '../../support/two-processes';
import { SettingsStore } from '../../../core/settings/settings-store';

const PER_PROCESS = 150;

// Each child adds PER_PROCESS upload modes (each built on the value the file holds: a read, a change
// and a write), sets its own key as it goes, then waits until it reads the other's last mode.
const CHILD = `
const { SettingsStore } = require(process.env.BUNDLE);
(async () => {
  const store = new SettingsStore(process.env.DATA_DIR);
  const name = process.env.NAME;
  const other = name === 'app' ? 'cli' : 'app';
  for (let n = 0; n < ${PER_PROCESS}; n++) {
    await store.update(({ uploadModes }) => ({ uploadModes: { ...uploadModes, [name + '/' + n]: n % 2 ? 'put' : 'post' } }));
    if (name === 'app') await store.set({ copyTemplate: 'app ' + n });
    else await store.set({ defaultProfileId: 'cli ' + n });
  }
  const until = Date.now() + 20000;
  while (!((await store.get()).uploadModes[other + '/${PER_PROCESS - 1}'])) {
    if (Date.now() > until) throw new Error(name + ' never saw ' + other + "'s last change");
    await new Promise((r) => setTimeout(r, 10));
  }
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe('two processes changing one settings file', () => {
  it('the app and the CLI, changing different settings at the same time, both keep every change', { timeout: 60_000 }, async () => {
    const work = await mkdtemp(join(tmpdir(), 'signdrop-settings-two-'));
    const dataDir = join(work, 'data');
    const codes = await runAsAppAndCli(join(__dirname, '../../../core/settings/settings-store.ts'), CHILD, work, dataDir);
    expect(codes).toEqual([0, 0]);

    const settings = await new SettingsStore(dataDir).get();
    expect(Object.keys(settings.uploadModes)).toHaveLength(2 * PER_PROCESS);
    expect(settings).toMatchObject({ copyTemplate: `app ${PER_PROCESS - 1}`, defaultProfileId: `cli ${PER_PROCESS - 1}` });
    expect(JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'))).toEqual(settings);
  });
});
