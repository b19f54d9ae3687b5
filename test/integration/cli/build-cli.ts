/**
 * Builds the CLI with `npm run build:cli` (the engine compiled to out/cli, and the one-file bundle
 * out/cli/signdrop.cjs that bin/signdrop.js runs), once per state of the sources. The CLI test files run in parallel: without the lock, one file's
 * compiler could rewrite out/cli while another file runs it.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './cli-harness';

const LOCK = join(ROOT, 'out', '.cli-build.lock');
const STAMP = join(ROOT, 'out', 'cli', '.source-stamp');
/** A lock older than any build is left over from a killed run. */
const STALE_LOCK_MS = 180_000;

/** A hash of everything the CLI is compiled from. */
async function sourceStamp(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of ['tsconfig.base.json', 'cli/tsconfig.json', 'rolldown.config.mjs', 'package-lock.json'])
    hash.update(file).update(await readFile(join(ROOT, file)));
  for (const dir of ['cli', 'core', 'common']) {
    const files = (await readdir(join(ROOT, dir), { recursive: true })).filter((f) => f.endsWith('.ts')).sort();
    for (const f of files) hash.update(join(dir, f)).update(await readFile(join(ROOT, dir, f)));
  }
  return hash.digest('hex');
}

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  await mkdir(join(ROOT, 'out'), { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const since = await stat(LOCK).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (since > STALE_LOCK_MS) await rm(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

/** Builds the CLI unless out/cli was built from these very sources. */
export async function buildCli(): Promise<void> {
  const stamp = await sourceStamp();
  await withLock(async () => {
    if ((await readFile(STAMP, 'utf8').catch(() => '')) === stamp) return;
    await promisify(execFile)('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, timeout: 120_000 });
    await writeFile(STAMP, stamp);
  });
}
