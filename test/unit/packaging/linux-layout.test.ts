/**
 * Builds the unpacked Linux app the way the release does (electron-vite, then electron-builder
 * with electron-builder.yml), with a stand-in Electron executable since the real one cannot
 * be downloaded here, and checks what ends up in app.asar. Everything is built in a temporary
 * folder: the repository's out/ (which the e2e tier and the CLI run from) is never rebuilt
 * under a test that may be running beside this one, and dist/ is never written.
 */
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

// @electron/fuses finds the fuse wire after this sentinel; the stand-in carries one set the way
// a stock Electron ships (RunAsNode on, cookie encryption off, ...) so the flip can be checked.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const STOCK_WIRE = '10110001';
const ON = '1'.charCodeAt(0);
const OFF = '0'.charCodeAt(0);

let work: string;
let resources: string;
let entries: string[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signdrop-pack-'));
  const stub = join(work, 'electron-stub');
  await mkdir(stub);
  // It says how it was started, so the CLI launcher's call can be checked.
  await writeFile(join(stub, 'electron'), `#!/bin/sh\necho "stand-in Electron, as Node: $ELECTRON_RUN_AS_NODE, $*"\n# ${FUSE_SENTINEL}\x01\x08${STOCK_WIRE}\n`);
  await chmod(join(stub, 'electron'), 0o755);

  const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: root, stdio: 'pipe', env: { ...process.env, CI: 'true' } });
  const out = join(work, 'out');
  run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'error', '--outDir', out]);
  run(process.execPath, [
    join(root, 'node_modules/rolldown/bin/cli.mjs'),
    '-c',
    'rolldown.config.mjs',
    '--logLevel',
    'warn',
    '-o',
    join(out, 'cli', 'signdrop.cjs'),
  ]);
  // electron-builder.yml as the release uses it, except that the built app comes from the
  // temporary out/ (a file set may come from anywhere; the yml's out/ patterns then match nothing).
  const config = join(work, 'electron-builder.json');
  await writeFile(
    config,
    JSON.stringify({
      extends: join(root, 'electron-builder.yml'),
      files: ['!out/**', { from: out, to: 'out', filter: ['main/**/*', 'preload/**/*', 'renderer/**/*', 'cli/signdrop.cjs', '!**/*.map'] }],
      directories: { output: join(work, 'dist') },
      electronDist: stub,
    }),
  );
  run(process.execPath, [join(root, 'node_modules/electron-builder/cli.js'), '--linux', 'dir', '--publish', 'never', '--config', config]);
  resources = join(work, 'dist/linux-unpacked/resources');
  entries = listPackage(join(resources, 'app.asar'), { isPack: false });
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** The package an asar entry under node_modules belongs to ("@scope/name" or "name"). */
const packageOf = (entry: string) => {
  const [, , first, second] = entry.split('/');
  return first?.startsWith('@') ? `${first}/${second}` : first;
};

describe('the packaged Linux app', () => {
  it('holds only the built app, package.json and node_modules in app.asar', () => {
    const top = new Set(entries.map((e) => e.split('/')[1]));
    expect([...top].sort()).toEqual(['bin', 'node_modules', 'out', 'package.json']);
    const outDirs = new Set(entries.filter((e) => e.startsWith('/out/')).map((e) => e.split('/')[2]));
    expect([...outDirs].sort()).toEqual(['cli', 'main', 'preload', 'renderer']);
    // The command's entry and its bundle only, not the engine compiled beside it for the scripts.
    expect(entries.filter((e) => e.startsWith('/out/cli/') || e.startsWith('/bin/'))).toEqual(['/out/cli/signdrop.cjs', '/bin/signdrop.js']);
  });

  it('carries no sources, tests or source maps', () => {
    expect(entries.filter((e) => /\.(ts|tsx|mts|cts|map)$/.test(e) && !e.endsWith('.d.ts'))).toEqual([]);
    expect(entries.filter((e) => /^\/(core|common|main|preload|renderer|cli|test|scripts|build)\//.test(e))).toEqual([]);
    expect(entries.filter((e) => /\/(test|tests|__tests__)\//.test(e))).toEqual([]);
  });

  it('has every production dependency and no devDependency', () => {
    const packages = new Set(entries.filter((e) => e.startsWith('/node_modules/') && e.split('/').length > 3).map(packageOf));
    for (const dep of Object.keys(pkg.dependencies)) expect(packages, dep).toContain(dep);
    const dev = Object.keys(pkg.devDependencies).filter((d) => packages.has(d));
    expect(dev).toEqual([]);
    // The heavy build tools never ride along, even as someone's transitive dependency.
    for (const tool of ['electron', 'electron-builder', 'vite', 'typescript', 'react', 'vitest']) expect(packages).not.toContain(tool);
  });

  it('main needs only Node, Electron and packed dependencies; the sandboxed preload needs only electron', () => {
    const requires = (file: string) =>
      [
        ...extractFile(join(resources, 'app.asar'), file)
          .toString()
          .matchAll(/require\("([^"]+)"\)/g),
      ].map((m) => m[1]!);
    const packages = new Set(entries.filter((e) => e.startsWith('/node_modules/')).map(packageOf));
    const missing = requires('out/main/index.js').filter(
      (r) => !r.startsWith('node:') && r !== 'electron' && !packages.has(r.replace(/^((@[^/]+\/)?[^/]+).*$/, '$1')),
    );
    expect(missing).toEqual([]);
    expect([...new Set(requires('out/preload/index.js'))]).toEqual(['electron']);
  });

  it("unpacks the keyring's native module next to the archive", () => {
    const native = entries.filter((e) => e.endsWith('.node'));
    expect(native.length).toBeGreaterThan(0);
    for (const entry of native) {
      expect(existsSync(join(resources, 'app.asar.unpacked', entry)), entry).toBe(true);
      expect(statFile(join(resources, 'app.asar'), entry.slice(1), false)).toMatchObject({ unpacked: true });
    }
    expect(native.some((e) => e.includes('@napi-rs/keyring'))).toBe(true);
  });

  it('ships the tray images and the update feed', () => {
    expect(existsSync(join(resources, 'tray/tray.png'))).toBe(true);
    expect(readFileSync(join(resources, 'app-update.yml'), 'utf8')).toContain('provider: github');
  });

  it('ships the command line launcher, which runs the app as Node on the bundled command', () => {
    const launcher = join(resources, 'bin/signdrop');
    expect(statSync(launcher).mode & 0o111).toBe(0o111);
    expect(readdirSync(join(resources, 'bin'))).toEqual(['signdrop']);
    const said = execFileSync(launcher, ['--version'], { encoding: 'utf8' });
    expect(said).toBe(`stand-in Electron, as Node: 1, ${resources}/app.asar/bin/signdrop.js --version\n`);
  });

  it('flips the fuses in the executable', async () => {
    const wire = await getCurrentFuseWire(join(work, 'dist/linux-unpacked/signdrop'));
    // On for the command line launcher (electron-builder.yml says what that costs).
    expect(wire[FuseV1Options.RunAsNode]).toBe(ON);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ON);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON);
  });
});
