import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

/** Runs a package's CLI with this Node over the whole tree; resolves with its exit code and everything it printed. */
function run(bin: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [resolve(root, 'node_modules', bin), ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, output: `${stdout}${stderr}`.trim() });
    });
  });
}

// Both read the same config as `npm run lint` and `npm run format:check`; the failure message is
// their own report, so it says which file and rule (or which files need `npm run format`).
describe.concurrent('lint and format', () => {
  it('eslint finds no problem', async () => {
    const { code, output } = await run('eslint/bin/eslint.js', ['.']);
    expect(code, output).toBe(0);
  }, 300_000);

  it('every file is formatted as prettier would write it', async () => {
    const { code, output } = await run('prettier/bin/prettier.cjs', ['--check', '.']);
    expect(code, output).toBe(0);
  }, 300_000);
});
