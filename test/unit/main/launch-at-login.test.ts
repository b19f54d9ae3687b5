import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { autostartEntry, setLaunchAtLogin } from '../../../main/desktop/launch-at-login';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'signdrop-login-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('launch at login', () => {
  it('uses the login items on macOS and Windows, starting hidden', async () => {
    const app = { setLoginItemSettings: vi.fn() };
    await setLaunchAtLogin(true, { app, platform: 'darwin', autostartDir: dir, executable: '/x' });
    await setLaunchAtLogin(false, { app, platform: 'win32', autostartDir: dir, executable: '/x' });
    expect(app.setLoginItemSettings.mock.calls).toEqual([[{ openAtLogin: true, args: ['--hidden'] }], [{ openAtLogin: false, args: ['--hidden'] }]]);
  });

  it('writes and removes an XDG autostart entry on Linux', async () => {
    const app = { setLoginItemSettings: vi.fn() };
    const autostartDir = join(dir, 'autostart');
    const deps = { app, platform: 'linux' as const, autostartDir, executable: '/home/ada/Apps/Signdrop.AppImage' };
    await setLaunchAtLogin(true, deps);
    const text = await readFile(join(autostartDir, 'signdrop.desktop'), 'utf8');
    expect(text).toContain('Exec="/home/ada/Apps/Signdrop.AppImage" --hidden');
    await setLaunchAtLogin(false, deps);
    await expect(stat(join(autostartDir, 'signdrop.desktop'))).rejects.toThrow();
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('quotes an executable path with spaces and $ for the Exec line', () => {
    expect(autostartEntry('/opt/My $Apps/signdrop')).toContain('Exec="/opt/My \\$Apps/signdrop" --hidden');
  });
});
