// @ts-check
/**
 * The `signdrop` command as one CommonJS file (`npm run build:cli` → out/cli/signdrop.cjs), so a
 * command starts by reading one file instead of resolving and reading hundreds. The AWS SDK comes from
 * its ES module builds, which lets the bundler keep only what the CLI calls; commands imported with
 * `import()` stay functions that run on first use, so `--help` runs none of the engine.
 */
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: 'cli/main.ts',
  platform: 'node',
  tsconfig: 'cli/tsconfig.json',
  // The keychain's native binary cannot be bundled; core/credentials/keyring-module.ts requires it on first use.
  external: ['@napi-rs/keyring'],
  resolve: { mainFields: ['module', 'main'] },
  output: {
    file: 'out/cli/signdrop.cjs',
    format: 'cjs',
    codeSplitting: false,
    // The SDK's own import('node:http') and the like become require()s: the file stays loadable where
    // only require() works (a Node single-executable application's entry script).
    dynamicImportInCjs: false,
    comments: { legal: false, jsdoc: false },
    // One non-ASCII character makes V8 hold and scan the whole 1.6 MB source as UTF-16: escaped, every
    // command starts a few ms of CPU sooner (measured: a one-file upload 0.166 → 0.160 CPU-s). JSDoc dropped too.
    charset: 'ascii',
  },
});
