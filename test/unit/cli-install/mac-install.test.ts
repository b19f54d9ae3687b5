import type * as nodeFs from 'node:fs/promises';
import { lstat, mkdtemp, readlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installCli, launcherPath, uninstallCli, type CliInstallOptions } from '../../../core/cli-install/cli-install';
import type { LinkFs } from '../../../core/cli-install/cli-link';

const RESOURCES = '/Applications/Sign drop\'s "beta".app/Contents/Resources';
const LAUNCHER = `${RESOURCES}/bin/signdrop`;

const denied = (): NodeJS.ErrnoException => Object.assign(new Error('permission denied'), { code: 'EACCES' });

/** /usr/local/bin as a user without admin rights sees it: readable, not writable. */
function readOnlyBin(existing?: string): LinkFs {
  const missing = () => Promise.reject(Object.assign(new Error('no such file'), { code: 'ENOENT' }));
  return {
    lstat: (async () => (existing ? { isSymbolicLink: () => true, isDirectory: () => false } : missing())) as unknown as typeof nodeFs.lstat,
    readlink: (async () => existing) as unknown as typeof nodeFs.readlink,
    mkdir: (async () => undefined) as typeof nodeFs.mkdir,
    symlink: () => Promise.reject(denied()),
    rename: () => Promise.reject(denied()),
    unlink: () => Promise.reject(denied()),
  };
}

const mac = (extra: Partial<CliInstallOptions> = {}): CliInstallOptions => ({
  platform: 'darwin',
  home: '/Users/ada',
  env: { PATH: '/usr/bin:/bin' },
  launcher: launcherPath(RESOURCES, 'darwin'),
  run: () => Promise.reject(new Error('the shell runs the admin command, not core')),
  ...extra,
});

describe('the command line tool on macOS', () => {
  it('asks for an administrator through osascript when /usr/local/bin is not writable, quoting the app path', async () => {
    const result = await installCli(mac({ fs: readOnlyBin() }));
    expect(result).toEqual({
      state: 'needs-admin',
      message: 'The signdrop command is installed in /usr/local/bin: open a new terminal and run signdrop --help.',
      command: {
        file: 'osascript',
        args: [
          '-e',
          `do shell script "mkdir -p '/usr/local/bin' && ln -sfn '/Applications/Sign drop'\\\\''s \\"beta\\".app/Contents/Resources/bin/signdrop' '/usr/local/bin/signdrop'" with administrator privileges`,
        ],
      },
    });
  });

  it('removes its own link with permission too, and never someone else’s', async () => {
    await expect(uninstallCli(mac({ fs: readOnlyBin(LAUNCHER) }))).resolves.toEqual({
      state: 'needs-admin',
      message: 'The signdrop command was removed from /usr/local/bin.',
      command: { file: 'osascript', args: ['-e', `do shell script "rm -f '/usr/local/bin/signdrop'" with administrator privileges`] },
    });
    await expect(uninstallCli(mac({ fs: readOnlyBin('/opt/homebrew/bin/signdrop') }))).resolves.toMatchObject({ state: 'not-ours' });
  });

  it('asks before replacing a link that points elsewhere, before asking for a password', async () => {
    await expect(installCli(mac({ fs: readOnlyBin('/opt/homebrew/bin/signdrop') }))).resolves.toMatchObject({
      state: 'occupied',
      detail: '/usr/local/bin/signdrop is a link to /opt/homebrew/bin/signdrop. Replacing it makes signdrop run the command that comes with this app.',
    });
    await expect(installCli(mac({ fs: readOnlyBin('/opt/homebrew/bin/signdrop'), replace: true }))).resolves.toMatchObject({ state: 'needs-admin' });
  });

  it('links without a password where the folder is writable', async () => {
    const binDir = join(await mkdtemp(join(tmpdir(), 'signdrop-mac-bin-')), 'bin');
    await expect(installCli(mac({ binDir }))).resolves.toMatchObject({ state: 'installed' });
    expect(await readlink(join(binDir, 'signdrop'))).toBe(LAUNCHER);
    expect((await lstat(join(binDir, 'signdrop'))).isSymbolicLink()).toBe(true);
  });

  it('refuses a translocated copy (not yet moved to Applications) and an AppImage on Linux', async () => {
    const translocated = mac({ launcher: '/private/var/folders/x/AppTranslocation/1234/d/Signdrop.app/Contents/Resources/bin/signdrop' });
    await expect(installCli(translocated)).resolves.toMatchObject({ state: 'unsupported', message: expect.stringContaining('Applications') });
    const appImage = mac({ platform: 'linux', env: { APPIMAGE: '/home/ada/Signdrop.AppImage' }, launcher: '/tmp/.mount_Sign/resources/bin/signdrop' });
    await expect(installCli(appImage)).resolves.toMatchObject({ state: 'unsupported', message: expect.stringContaining('.deb or .rpm') });
  });
});
