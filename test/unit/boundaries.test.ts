import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../.dependency-cruiser.cjs');
const root = resolve(__dirname, '../..');

async function violations(baseDir: string, folders: string[]): Promise<string[]> {
  const result = await cruise(folders, { ...config.options, ruleSet: { forbidden: config.forbidden }, baseDir, validate: true });
  const output = result.output as ICruiseResult;
  // A package resolves to its file in node_modules; name it by the package instead.
  const short = (to: string) => to.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, '$1');
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${short(v.to)}`).sort();
}

describe('import boundaries', () => {
  it('sees package imports in the real tree (an exclude once hid them, and with them every electron import)', async () => {
    const result = await cruise(['core/s3'], { ...config.options, ruleSet: { forbidden: config.forbidden }, baseDir: root, validate: true });
    const client = (result.output as ICruiseResult).modules.find((m) => m.source === 'core/s3/client.ts');
    expect(client?.dependencies.map((d) => d.module)).toContain('@aws-sdk/client-s3');
  }, 60_000);

  it('the project has no forbidden imports', async () => {
    expect(await violations(root, ['core', 'common', 'main', 'preload', 'renderer', 'cli'])).toEqual([]);
  }, 60_000);

  it('catches each kind of forbidden import', async () => {
    const found = await violations(resolve(__dirname, '../fixtures/boundaries'), ['core', 'common', 'main', 'preload', 'renderer', 'cli']);
    expect(found).toEqual([
      'cli-no-electron: cli/command.ts -> electron',
      'cli-no-electron: cli/command.ts -> main/shell.ts',
      'common-is-pure: common/helper.ts -> fs',
      'core-no-electron: core/engine.ts -> electron',
      'keychain-store-only-in-assembly: core/uploads/queue.ts -> core/credentials/keychain-store.ts',
      'keyring-only-in-keychain-store: core/uploads/queue.ts -> @napi-rs/keyring',
      'keys-resolved-by-signing-and-profiles: core/uploads/queue.ts -> core/credentials/resolve-credentials.ts',
      'nobody-imports-renderer: main/shell.ts -> renderer/view.ts',
      'preload-only-common: preload/bridge.ts -> core/engine.ts',
      'renderer-only-common: renderer/view.ts -> core/engine.ts',
      'renderer-type-imports-only-common: renderer/view.ts -> core/engine.ts',
    ]);
  }, 60_000);
});
