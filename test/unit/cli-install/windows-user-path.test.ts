import { describe, expect, it } from 'vitest';
import { installCli, launcherPath, uninstallCli, type Command } from '../../../core/cli-install/cli-install';
import { ANNOUNCE_ENVIRONMENT, READ_USER_PATH } from '../../../core/cli-install/windows-user-path';

const RESOURCES = 'C:\\Users\\Zoë\\AppData\\Local\\Programs\\signdrop\\resources';
const DIR = `${RESOURCES}\\bin`;

/** The commands run, answering the read of the user's PATH with `stored`. */
function windows(stored: string) {
  const ran: Command[] = [];
  const options = {
    platform: 'win32' as const,
    home: 'C:\\Users\\Zoë',
    env: {},
    launcher: launcherPath(RESOURCES, 'win32'),
    run: async (command: Command) => {
      ran.push(command);
      return command === READ_USER_PATH ? `${stored}\r\n` : '';
    },
  };
  return { ran, options };
}

const write = (value: string): Command => ({ file: 'reg.exe', args: ['add', 'HKCU\\Environment', '/v', 'Path', '/t', 'REG_EXPAND_SZ', '/d', value, '/f'] });

describe('the command line tool on Windows', () => {
  it('ships signdrop.cmd in resources\\bin', () => {
    expect(launcherPath(RESOURCES, 'win32')).toBe(`${DIR}\\signdrop.cmd`);
  });

  it("appends the launcher's folder to the user's PATH, keeping other entries unexpanded, then tells Explorer", async () => {
    const { ran, options } = windows('%USERPROFILE%\\bin;C:\\Tools');
    await expect(installCli(options)).resolves.toEqual({
      state: 'installed',
      message: `The signdrop command is on your PATH (${DIR}): open a new terminal and run signdrop --help.`,
    });
    expect(ran).toEqual([READ_USER_PATH, write(`%USERPROFILE%\\bin;C:\\Tools;${DIR}`), ANNOUNCE_ENVIRONMENT]);
    // The system PATH (HKLM) is never touched, and nothing needs an administrator.
    expect(JSON.stringify(ran)).not.toMatch(/HKLM|HKEY_LOCAL_MACHINE|setx/i);
  });

  it('an empty or missing user PATH gets the folder alone', async () => {
    const { ran, options } = windows('');
    await installCli(options);
    expect(ran[1]).toEqual(write(DIR));
  });

  it('writes nothing when the folder is already there (any case, a trailing backslash, quotes)', async () => {
    const { ran, options } = windows(`C:\\Tools;"${DIR.toUpperCase()}\\"`);
    await expect(installCli(options)).resolves.toMatchObject({ state: 'installed' });
    expect(ran).toEqual([READ_USER_PATH]);
  });

  it('uninstall removes only that folder from the user PATH', async () => {
    const { ran, options } = windows(`%USERPROFILE%\\bin;${DIR};C:\\Tools`);
    await expect(uninstallCli(options)).resolves.toMatchObject({ state: 'removed' });
    expect(ran).toEqual([READ_USER_PATH, write('%USERPROFILE%\\bin;C:\\Tools'), ANNOUNCE_ENVIRONMENT]);

    const absent = windows('C:\\Tools');
    await expect(uninstallCli(absent.options)).resolves.toMatchObject({ state: 'absent' });
    expect(absent.ran).toEqual([READ_USER_PATH]);
  });

  it('reads the stored value raw and as UTF-8', () => {
    expect(READ_USER_PATH.file).toBe('powershell.exe');
    expect(READ_USER_PATH.args.at(-1)).toContain("GetValue('Path', '', 'DoNotExpandEnvironmentNames')");
    expect(READ_USER_PATH.args.at(-1)).toContain('[Console]::OutputEncoding = [Text.Encoding]::UTF8');
  });
});
