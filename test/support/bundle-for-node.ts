import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { build } from 'vite';

/**
 * A core module as one CommonJS file that a plain `node` child process can require: Node's own
 * TypeScript support strips types only, and core imports its siblings without extensions, which
 * Node does not resolve. Used by the tests that run two real processes on one data folder.
 */
export async function bundleForNode(entry: string, outDir: string): Promise<string> {
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
