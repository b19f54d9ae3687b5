import type * as nodeFs from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import type { Command } from '../../../core/cli-install/cli-install';
import { cliInstallActions } from '../../../main/desktop/cli-install';

/** /usr/local/bin on a Mac where the user is not an administrator: empty, and not writable. */
const readOnlyBin = {
  lstat: () => Promise.reject(Object.assign(new Error('absent'), { code: 'ENOENT' })),
  readlink: vi.fn(),
  mkdir: (async () => undefined) as typeof nodeFs.mkdir,
  symlink: () => Promise.reject(Object.assign(new Error('denied'), { code: 'EACCES' })),
  rename: vi.fn(),
  unlink: vi.fn(),
} as never;

function mac(run: (command: Command) => Promise<string>) {
  const inform = vi.fn();
  const options = {
    platform: 'darwin' as const,
    home: '/Users/ada',
    env: {},
    launcher: '/Applications/Signdrop.app/Contents/Resources/bin/signdrop',
    run,
    fs: readOnlyBin,
  };
  return { inform, actions: cliInstallActions({ options, confirm: vi.fn(async () => true), inform }) };
}

describe('the shell around "Install Command Line Tool…" on macOS', () => {
  it('runs the administrator command core gives (macOS asks for the password), then says where the command is', async () => {
    const run = vi.fn(async (_command: Command) => '');
    const { inform, actions } = mac(run);
    await actions.install();
    expect(run).toHaveBeenCalledOnce();
    expect(run.mock.calls[0]![0]).toMatchObject({ file: 'osascript', args: ['-e', expect.stringContaining('with administrator privileges')] });
    expect(inform).toHaveBeenCalledWith('The signdrop command is installed in /usr/local/bin: open a new terminal and run signdrop --help.');
  });

  it('says so in words when the user closes the password dialog', async () => {
    const { inform, actions } = mac(() => Promise.reject(new Error('Command failed: osascript … execution error: User canceled. (-128)')));
    await actions.install();
    expect(inform).toHaveBeenCalledWith('The signdrop command was not installed: no administrator password was given.');
  });
});
