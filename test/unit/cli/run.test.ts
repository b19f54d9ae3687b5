import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../cli/args';
import type { Io } from '../../../cli/io';
import { run } from '../../../cli/main';

/** An Io that records lines; no terminal, no keys in the environment. */
async function fakeIo(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    env: { SIGNDROP_CONFIG_DIR: await mkdtemp(join(tmpdir(), 'signdrop-cli-unit-')), ...env },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    errRaw: (t) => err.push(t),
    stderrIsTTY: false,
    stdinIsTTY: false,
    ask: async () => {
      throw new Error('must not prompt without a terminal');
    },
  };
  return { io, out, err };
}

describe('parseCommandLine', () => {
  it('finds the command wherever the options are', () => {
    expect(parseCommandLine(['--profile', 'work', 'upload', 'a.txt', '--json'])).toEqual({
      command: 'upload',
      values: { profile: 'work', json: true },
      operands: ['a.txt'],
    });
    expect(parseCommandLine(['profile', 'add', 'my work', '--bucket', 'b', '--path-style'])).toMatchObject({
      command: 'profile add',
      operands: ['my work'],
      values: { bucket: 'b', 'path-style': true },
    });
  });
});

describe('signdrop usage errors exit 2 with a sentence on stderr', () => {
  it.each([
    [[], /Usage: signdrop/],
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['profile', 'rename'], /use profile add, edit, default, list, remove or test/],
    [['upload'], /Name at least one file or folder/],
    [['upload', 'a.txt', '--expires', '8d'], /at most 7 days/],
    [['upload', 'a.txt', '--expires', 'soon'], /is not a duration: use 45s, 15m, 1h, 7d/],
    [['upload', 'a.txt', '--key-template', '{uuid}/{nme}'], /Unknown key template token \{nme\}/],
    [['link', 'a', '--content-type', 'text/plain'], /Unknown option '--content-type'/],
    [['link'], /Name the object key/],
    [['link', 'a', 'b'], /One key at a time/],
    [['put-url', 'k', '--bucket', 'b'], /No keys: set AWS_ACCESS_KEY_ID/],
    [['profile', 'add', 'w', '--bucket', 'Not_A_Bucket'], /bucket name is 3–63/],
    [['link', 'k', '--profile', 'nope'], /There is no profile named "nope"/],
    [['link', 'k'], /Name a bucket: --bucket B/],
    [['profile', 'add', 'work'], /--bucket is required/],
    [['profile', 'add', 'work', '--bucket', 'b-1', '--endpoint', 'ftp://x'], /endpoint must start with http/],
    [['profile', 'add', 'work', '--bucket', 'b-1'], /No keys: .* run this in a terminal/],
  ])('signdrop %j', async (argv, message) => {
    const { io, out, err } = await fakeIo();
    expect(await run(argv, io)).toBe(2);
    expect(err.join('\n')).toMatch(message);
    expect(out).toEqual([]);
  });

  it('prints help on stdout with status 0', async () => {
    const { io, out } = await fakeIo();
    expect(await run(['--help'], io)).toBe(0);
    expect(out.join('\n')).toContain('Exit status: 0 all succeeded; 1 any item failed');
  });

  it('reports a missing file as a failed item (status 1), in JSON and on stderr', async () => {
    const { io, out, err } = await fakeIo({ AWS_ACCESS_KEY_ID: 'k', AWS_SECRET_ACCESS_KEY: 's' });
    expect(await run(['upload', '/no/such/file.txt', '--bucket', 'b-1', '--json'], io)).toBe(1);
    expect(out.map((l) => JSON.parse(l))).toEqual([
      { file: '/no/such/file.txt', error: { code: 'file-unreadable', message: expect.stringContaining('ENOENT') } },
    ]);
    expect(err).toEqual([expect.stringContaining('/no/such/file.txt')]);
  });
});

describe('a corrupt profiles file', () => {
  it('is reported on stderr and kept aside; the command still runs', async () => {
    const { io, out, err } = await fakeIo();
    const dir = io.env['SIGNDROP_CONFIG_DIR']!;
    await writeFile(join(dir, 'profiles.json'), '{"version":1,"profiles":[');
    expect(await run(['profile', 'list', '--json'], io)).toBe(0);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/warning: .*profiles\.json could not be read .* it was kept as .*profiles\.json\.corrupt-/);
    const backup = (await readdir(dir)).find((f) => f.startsWith('profiles.json.corrupt-'));
    expect(await readFile(join(dir, backup!), 'utf8')).toBe('{"version":1,"profiles":[');
  });
});

describe('link --no-check and put-url with keys from the environment (signing needs no network)', () => {
  const target = ['--endpoint', 'http://127.0.0.1:9', '--region', 'eu-west-3', '--bucket', 'b-1', '--path-style', '--json'];
  const keys = { AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'session-token-1' };

  it('signs a GET link with the session token, the region and the asked lifetime', async () => {
    const { io, out, err } = await fakeIo(keys);
    const before = Date.now();
    expect(await run(['link', 'dir/a # b.txt', '--no-check', '--expires', '15m', ...target], io)).toBe(0);
    expect(err).toEqual([]);
    const line = JSON.parse(out[0]!);
    expect(Object.keys(line).sort()).toEqual(['expiresAt', 'key', 'method', 'url']);
    expect(line).toMatchObject({ key: 'dir/a # b.txt', method: 'GET' });
    const url = new URL(line.url);
    expect(url.pathname).toBe('/b-1/dir/a%20%23%20b.txt');
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe('session-token-1');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^ASIAEXAMPLE\/\d{8}\/eu-west-3\/s3\/aws4_request$/);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(Date.parse(line.expiresAt) - before).toBeGreaterThanOrEqual(899_000);
    expect(line.url).not.toContain('secret');
  });

  it('signs a PUT URL without checksum parameters', async () => {
    const { io, out } = await fakeIo(keys);
    expect(await run(['put-url', 'inbox/x.png', '--content-type', 'image/png', ...target], io)).toBe(0);
    const line = JSON.parse(out[0]!);
    expect(line.method).toBe('PUT');
    const url = new URL(line.url);
    // That the content type is bound into the signature is the signer's contract, tested there.
    expect(url.pathname).toBe('/b-1/inbox/x.png');
    expect([...url.searchParams.keys()].filter((k) => /checksum/i.test(k))).toEqual([]);
  });

  it('prints only the URL without --json', async () => {
    const { io, out } = await fakeIo(keys);
    expect(await run(['link', 'k', '--no-check', ...target.filter((a) => a !== '--json')], io)).toBe(0);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^http:\/\/127\.0\.0\.1:9\/b-1\/k\?/);
  });
});

describe('links from temporary credentials', () => {
  it('signs the real, shorter lifetime and says so on stderr', async () => {
    const expiration = new Date(Date.now() + 30 * 60_000).toISOString();
    const { io, out, err } = await fakeIo({
      AWS_ACCESS_KEY_ID: 'ASIATEMPORARY',
      AWS_SECRET_ACCESS_KEY: 'temporary-secret',
      AWS_SESSION_TOKEN: 'session-token',
      AWS_CREDENTIAL_EXPIRATION: expiration,
    });
    const code = await run(
      ['link', 'reports/q3.pdf', '--no-check', '--endpoint', 'http://127.0.0.1:9', '--bucket', 'reports', '--path-style', '--expires', '1d', '--json'],
      io,
    );
    expect(code).toBe(0);
    const line = JSON.parse(out[0]!) as { url: string; expiresAt: string };
    const signedFor = Number(new URL(line.url).searchParams.get('X-Amz-Expires'));
    expect(signedFor).toBeGreaterThan(29 * 60);
    expect(signedFor).toBeLessThanOrEqual(30 * 60);
    expect(Date.parse(line.expiresAt)).toBeLessThanOrEqual(Date.parse(expiration));
    expect(err.join('\n')).toMatch(/warning: .*temporary credentials .* not 1 day/);
  });
});
