import { fork } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { build } from 'vite';

/**
 * A core module as one CommonJS file that a plain `node` child process can require: Node's own
 * TypeScript support strips types only, and core imports its siblings without extensions, which
 * Node does not resolve. Used by the tests that run two real processes on one data folder.
 */
async function bundleForNode(entry: string, outDir: string): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    ssr: { noExternal: true },
    build: { write: false, ssr: entry, minify: false, rollupOptions: { output: { format: 'cjs' } } },
  });
  const chunk = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`${entry} did not bundle`);
  const file = join(outDir, basename(entry).replace(/\.ts$/, '.cjs'));
  await writeFile(file, chunk.code);
  return file;
}

/**
 * Runs `child` (CommonJS source) twice at once, as the app and as the CLI (env NAME), each given
 * `entry` bundled (env BUNDLE) and one data folder (env DATA_DIR). Resolves with both exit codes.
 */
export async function runAsAppAndCli(entry: string, child: string, work: string, dataDir: string): Promise<(number | null)[]> {
  const bundle = await bundleForNode(entry, work);
  const script = join(work, 'child.cjs');
  await writeFile(script, child);
  const run = (name: string) =>
    new Promise<number | null>((resolve, reject) => {
      const p = fork(script, { env: { ...process.env, BUNDLE: bundle, DATA_DIR: dataDir, NAME: name }, stdio: 'inherit' });
      p.on('error', reject);
      p.on('exit', resolve);
    });
  return Promise.all([run('app'), run('cli')]);
}
