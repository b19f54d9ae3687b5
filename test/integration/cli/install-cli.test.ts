/**
 * "Install Command Line Tool…" on Linux, for real: a temporary HOME, the app's layout around the
 * launcher it ships (build/cli/signdrop in resources/bin, the app's code in resources/app.asar), and
 * a stand-in for the app's Electron that runs Node only when asked to act as Node, as Electron does
 * under ELECTRON_RUN_AS_NODE. The command is then run by name, through PATH.
 */
import { execFile } from 'node:child_process';
import { copyFile, lstat, mkdir, mkdtemp, readlink, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { installCli, launcherPath, uninstallCli, type CliInstallOptions } from '../../../core/cli-install/cli-install';
import { buildCli } from './build-cli';
import { ROOT } from './cli-harness';

let app: string;

beforeAll(async () => {
  await buildCli();
  app = await mkdtemp(join(tmpdir(), 'signdrop-installed-app-'));
  await mkdir(join(app, 'resources', 'bin'), { recursive: true });
  await copyFile(join(ROOT, 'build', 'cli', 'signdrop'), join(app, 'resources', 'bin', 'signdrop'));
  // The packaged app.asar holds bin/signdrop.js and out/cli/signdrop.cjs, as the checkout does.
  await symlink(ROOT, join(app, 'resources', 'app.asar'));
  await writeFile(
    join(app, 'signdrop'),
    `#!/bin/sh\n[ "$ELECTRON_RUN_AS_NODE" = 1 ] || { echo "started as the app, not as Node" >&2; exit 9; }\nexec "${process.execPath}" "$@"\n`,
    { mode: 0o755 },
  );
}, 180_000);

async function newHome() {
  const home = await mkdtemp(join(tmpdir(), 'signdrop-home-'));
  const bin = join(home, '.local', 'bin');
  const options: CliInstallOptions = {
    platform: 'linux',
    home,
    env: { PATH: `${bin}:/usr/bin:/bin` },
    launcher: launcherPath(join(app, 'resources'), 'linux'),
    run: () => Promise.reject(new Error('Linux runs no programs to install')),
  };
  /** `signdrop …` typed in a terminal of that user. */
  const signdrop = (...args: string[]) => promisify(execFile)('signdrop', args, { env: { HOME: home, PATH: options.env['PATH'] } });
  return { home, bin, link: join(bin, 'signdrop'), options, signdrop };
}

describe('the command line tool from the installed app (Linux)', () => {
  it('links ~/.local/bin/signdrop (making the folder), which runs the bundled command on the app’s runtime', async () => {
    const { version } = (await import('../../../package.json')).default;
    const { link, options, signdrop } = await newHome();
    await expect(installCli(options)).resolves.toEqual({
      state: 'installed',
      message: 'The signdrop command is installed in ~/.local/bin: open a new terminal and run signdrop --help.',
    });
    expect(await readlink(link)).toBe(options.launcher);
    await expect(signdrop('--version')).resolves.toMatchObject({ stdout: `signdrop ${version}\n`, stderr: '' });
    // Again: nothing changes, and it says the same.
    await expect(installCli(options)).resolves.toMatchObject({ state: 'installed' });
    expect(await readlink(link)).toBe(options.launcher);
  });

  it('says when ~/.local/bin is not on the PATH', async () => {
    const { options } = await newHome();
    const result = await installCli({ ...options, env: { PATH: '/usr/bin:/bin' } });
    expect(result).toMatchObject({ state: 'installed', message: expect.stringContaining('~/.local/bin is not on your PATH yet') });
  });

  it('asks before replacing another signdrop, and replaces it only with consent', async () => {
    const { bin, link, options, signdrop } = await newHome();
    await mkdir(bin, { recursive: true });
    await symlink('/usr/bin/true', link);
    await expect(installCli(options)).resolves.toEqual({
      state: 'occupied',
      question: 'Replace the signdrop in ~/.local/bin?',
      detail: `${link} is a link to /usr/bin/true. Replacing it makes signdrop run the command that comes with this app.`,
    });
    expect(await readlink(link)).toBe('/usr/bin/true');
    await expect(installCli({ ...options, replace: true })).resolves.toMatchObject({ state: 'installed' });
    expect(await readlink(link)).toBe(options.launcher);
    await expect(signdrop('--version')).resolves.toMatchObject({ stdout: expect.stringMatching(/^signdrop \d/) });
  });

  it('asks before replacing a downloaded signdrop executable too', async () => {
    const { bin, link, options } = await newHome();
    await mkdir(bin, { recursive: true });
    await writeFile(link, '#!/bin/sh\necho downloaded\n', { mode: 0o755 });
    await expect(installCli(options)).resolves.toMatchObject({ state: 'occupied', detail: expect.stringContaining('is a file') });
    expect((await lstat(link)).isFile()).toBe(true);
  });

  it('uninstall removes only its own link', async () => {
    const { bin, link, options } = await newHome();
    await expect(uninstallCli(options)).resolves.toMatchObject({ state: 'absent' });
    await mkdir(bin, { recursive: true });
    await symlink('/usr/bin/true', link);
    await expect(uninstallCli(options)).resolves.toMatchObject({ state: 'not-ours' });
    expect(await readlink(link)).toBe('/usr/bin/true');

    await installCli({ ...options, replace: true });
    await expect(uninstallCli(options)).resolves.toEqual({ state: 'removed', message: 'The signdrop command was removed from ~/.local/bin.' });
    await expect(lstat(link)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
