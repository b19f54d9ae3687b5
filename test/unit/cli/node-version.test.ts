import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = resolve(__dirname, '../../../bin/signdrop.js');

/** Runs bin/signdrop.js in a Node that reports `version`, the way an older installed Node would. */
function runAs(version: string, args: string[]) {
  const pretend = `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} });`;
  return spawnSync(process.execPath, ['-e', `${pretend} require(${JSON.stringify(bin)});`, '--', ...args], {
    encoding: 'utf8',
  });
}

describe('the command on an unsupported Node', () => {
  it('says which Node it needs and exits 2, without a stack trace', () => {
    const r = runAs('20.19.5', ['--version']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('signdrop needs Node 22 or later; this is Node 20.19.5.\n');
  });
});
