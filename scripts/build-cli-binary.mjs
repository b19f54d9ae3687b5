// @ts-check
/**
 * `npm run build:cli-binary`: the bundled CLI (out/cli/signdrop.cjs) as one executable that needs no
 * Node, dist/cli/signdrop-<os>-<arch>[.exe], made with Node's single-executable applications from the
 * Node running this script. V8's code cache for the entry script is stored inside, so the executable
 * starts without parsing the bundle. The keychain's native module goes in as an asset
 * (scripts/sea-prelude.cjs loads it).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { cliBinaryPath } from './cli-binary-path.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, 'out', 'sea');
/** The fuse Node's executables carry, flipped by postject when a blob is injected. */
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) throw new Error(`The executable carries the Node that builds it: run with Node 22 or later, not ${process.version}.`);

/** The keyring's native file for this platform, from the optional package npm installed. */
function keyringBinary() {
  const req = createRequire(join(ROOT, 'node_modules', '@napi-rs', 'keyring', 'package.json'));
  const names = Object.keys(req('./package.json').optionalDependencies ?? {});
  const musl = process.platform === 'linux' && !process.report.getReport().header.glibcVersionRuntime;
  const prefix = `@napi-rs/keyring-${process.platform}-${process.arch}`;
  for (const name of names.filter((n) => n === prefix || n.startsWith(`${prefix}-`))) {
    if (process.platform === 'linux' && name.endsWith(musl ? '-gnu' : '-musl')) continue;
    let dir;
    try {
      dir = dirname(req.resolve(`${name}/package.json`));
    } catch {
      continue;
    }
    const main = req(`${name}/package.json`).main;
    if (main && existsSync(join(dir, main))) return join(dir, main);
  }
  throw new Error(`No @napi-rs/keyring binary for ${process.platform}-${process.arch} in node_modules.`);
}

function entryScript() {
  const bundle = readFileSync(join(ROOT, 'out', 'cli', 'signdrop.cjs'), 'utf8');
  const prelude = readFileSync(join(ROOT, 'scripts', 'sea-prelude.cjs'), 'utf8');
  return `${prelude}(function (exports, require, module, __filename, __dirname) {\n${bundle}\n})(bundle.exports, seaRequire, bundle, __filename, __dirname);\nbundle.exports.main();\n`;
}

const exe = cliBinaryPath(ROOT);

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
mkdirSync(dirname(exe), { recursive: true });
writeFileSync(join(WORK, 'entry.cjs'), entryScript());
const config = {
  main: join(WORK, 'entry.cjs'),
  output: join(WORK, 'blob'),
  useCodeCache: true,
  disableExperimentalSEAWarning: true,
  assets: { 'keyring.node': keyringBinary() },
};
writeFileSync(join(WORK, 'sea-config.json'), JSON.stringify(config, null, 2));
execFileSync(process.execPath, ['--experimental-sea-config', join(WORK, 'sea-config.json')], { stdio: 'inherit' });

rmSync(exe, { force: true });
copyFileSync(process.execPath, exe);
chmodSync(exe, 0o755);
// A signed macOS executable must lose its signature before the blob goes in, and be signed again after.
if (process.platform === 'darwin') execFileSync('codesign', ['--remove-signature', exe]);
const postject = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'postject.cmd' : 'postject');
const macho = process.platform === 'darwin' ? ['--macho-segment-name', 'NODE_SEA'] : [];
execFileSync(postject, [exe, 'NODE_SEA_BLOB', config.output, '--sentinel-fuse', FUSE, ...macho], { stdio: 'inherit', shell: process.platform === 'win32' });
if (process.platform === 'darwin') execFileSync('codesign', ['--sign', '-', exe]);
console.log(`Built ${exe.slice(ROOT.length + 1)} (Node ${process.versions.node})`);
