import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');

/** The code of a file without its comments, which may name ipcMain to explain the rule. */
const code = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

describe('ipcMain usage', () => {
  it('only main/ipc/register.ts touches ipcMain (one door, with the sender check)', () => {
    const users = ['main', 'core', 'preload', 'common', 'cli']
      .flatMap((dir) => sources(join(root, dir)))
      .filter((file) => /\bipcMain\b/.test(code(file)))
      .map((file) => relative(root, file).split('\\').join('/'));
    expect(users).toEqual(['main/ipc/register.ts']);
  });

  it('only the preload touches ipcRenderer', () => {
    const users = ['main', 'core', 'common', 'renderer', 'cli']
      .flatMap((dir) => sources(join(root, dir)))
      .filter((file) => /\bipcRenderer\b/.test(code(file)))
      .map((file) => relative(root, file));
    expect(users).toEqual([]);
  });
});
