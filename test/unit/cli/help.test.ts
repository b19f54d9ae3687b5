import { describe, expect, it } from 'vitest';
import { version } from '../../../package.json';
import type { Io } from '../../../cli/io';
import { run } from '../../../cli/main';
import { progressLine } from '../../../cli/progress';
import type { QueueTotals } from '../../../common/uploads';

function recordingIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    env: {},
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    errRaw: (t) => err.push(t),
    stderrIsTTY: false,
    stdinIsTTY: false,
    ask: () => Promise.reject(new Error('no terminal')),
  };
  return { io, out, err };
}

describe('help, version and typos', () => {
  it('prints the version', async () => {
    const { io, out } = recordingIo();
    expect(await run(['--version'], io)).toBe(0);
    expect(out).toEqual([`signdrop ${version}`]);
  });

  it.each([[['help', 'upload']], [['upload', '--help']], [['--help', 'upload']]])('%j prints the upload page only', async (argv) => {
    const { io, out } = recordingIo();
    expect(await run(argv, io)).toBe(0);
    const page = out.join('\n');
    expect(page).toContain('upload <file-or-folder>...');
    expect(page).toContain('--json');
    expect(page).not.toContain('put-url <key>');
  });

  it('prints every profile command for "help profile"', async () => {
    const { io, out } = recordingIo();
    expect(await run(['help', 'profile'], io)).toBe(0);
    for (const c of ['profile add', 'profile list', 'profile remove', 'profile test']) expect(out.join('\n')).toContain(c);
  });

  it.each([
    [['uplaod', 'a.txt'], /Unknown command "uplaod"\. Did you mean "upload"\?/],
    [['help', 'lnk'], /Unknown command "lnk"\. Did you mean "link"\?/],
    [['profile', 'lst'], /use profile add, edit, default, list, remove or test\. Did you mean "profile list"\?/],
    [['upload', 'a.txt', '--expire', '1h'], /Unknown option '--expire'\. Did you mean --expires\? Run signdrop upload --help\./],
    [['link', 'k', '--downlod-name', 'x'], /Did you mean --download-name\?/],
  ])('%j exits 2 and suggests the likely word', async (argv, message) => {
    const { io, out, err } = recordingIo();
    expect(await run(argv, io)).toBe(2);
    expect(err.join('\n')).toMatch(message);
    expect(out).toEqual([]);
  });

  it('suggests nothing for a word far from every command', async () => {
    const { io, err } = recordingIo();
    expect(await run(['frobnicate'], io)).toBe(2);
    expect(err.join('\n')).not.toContain('Did you mean');
  });
});

describe('the progress line', () => {
  const totals: QueueTotals = {
    bytesSent: 12_345_678,
    bytesTotal: 40_000_000,
    speed: 2_500_000,
    etaSeconds: 11,
    counts: { queued: 5, uploading: 2, paused: 0, completed: 3, failed: 0, canceled: 0 },
  };
  const current = { name: 'photos/beach.jpg' } as Parameters<typeof progressLine>[0]['current'];

  it('says files done of all, bytes in decimal units as the app does, speed, time left and the current file', () => {
    expect(progressLine({ totals, current }, 120)).toBe('uploading 3/10 files, 12 MB of 40 MB, 2.5 MB/s, 11 s left: photos/beach.jpg');
  });

  it('never wraps: a line wider than the terminal is cut', () => {
    const line = progressLine({ totals, current }, 40);
    expect(line.length).toBeLessThan(40);
    expect(line.endsWith('…')).toBe(true);
  });
});
