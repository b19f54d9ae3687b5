import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = resolve(__dirname, '../../../cli');

/** The parts of the engine createCore assembles: the CLI must get them from there, not build its own. */
const ASSEMBLED = ['core/signing/signer', 'core/profiles/profile-service', 'core/uploads/upload-queue', 'core/s3/region', 'core/s3/test-connection'];

async function cliSources(): Promise<{ file: string; text: string }[]> {
  const files = (await readdir(CLI, { recursive: true })).filter((f) => f.endsWith('.ts'));
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(join(CLI, file), 'utf8') })));
}

describe('the CLI builds its engine the way the app does', () => {
  it('imports no engine part createCore assembles (types aside)', async () => {
    const offending = (await cliSources()).flatMap(({ file, text }) =>
      [...text.matchAll(/^import (?!type )[^;]*from '([^']+)';/gm)]
        .map((m) => m[1]!)
        .filter((from) => ASSEMBLED.some((part) => from.endsWith(part)))
        .map((from) => `${file}: ${from}`),
    );
    expect(offending).toEqual([]);
  });

  it('calls createCore in one place', async () => {
    const callers = (await cliSources()).filter(({ text }) => /\bcreateCore\(/.test(text)).map(({ file }) => file);
    expect(callers).toEqual(['context.ts']);
  });
});
