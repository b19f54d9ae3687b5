// The single executable as an entrant of `npm run bench:upload`: built when missing or older than the
// bundle it carries, so the benchmark never times a stale copy of the command.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { cliBinaryPath } from './cli-binary-path.mjs';

/**
 * Makes sure dist/cli holds an executable built from the current out/cli/signdrop.cjs. Returns false,
 * having said why, when this Node cannot make one (no single-executable support before Node 22 here).
 * @param {string} repo the repository
 */
export function ensureBinary(repo) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22 || !isBuiltin('node:sea')) {
    console.error(`bench:upload: no binary entrant: Node ${process.versions.node} cannot build single executables (Node 22 or later can).`);
    return false;
  }
  const exe = cliBinaryPath(repo);
  const bundle = join(repo, 'out', 'cli', 'signdrop.cjs');
  if (existsSync(exe) && statSync(exe).mtimeMs >= statSync(bundle).mtimeMs) return true;
  execFileSync(process.execPath, [join(repo, 'scripts', 'build-cli-binary.mjs')], { cwd: repo, stdio: 'inherit' });
  return true;
}
