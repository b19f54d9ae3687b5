import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from './build-cli';
import { envKeys } from './cli-fixtures';
import { newConfigDir, ROOT, signdrop } from './cli-harness';

beforeAll(async () => {
  await buildCli();
}, 120_000);

describe('signdrop usage', () => {
  it('exits 2 on usage errors without touching the network', async () => {
    const env = { ...envKeys(), SIGNDROP_CONFIG_DIR: await newConfigDir() };
    for (const args of [['upload'], ['link', 'k', '--expires', '8d', '--bucket', 'b-1'], ['upload', 'x', '--nope'], ['teleport']]) {
      const result = await signdrop(args, env);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^signdrop: /);
      expect(result.stdout).toBe('');
    }
  });
});

describe('the checkout', () => {
  it('npx signdrop --help works after the build', async () => {
    const { stdout } = await promisify(execFile)('npx', ['signdrop', '--help'], { cwd: ROOT });
    expect(stdout).toContain('upload <file-or-folder>...');
  });
});
