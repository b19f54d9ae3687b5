/**
 * @doyensec/electronegativity on the built app (out/, what app.asar ships), offline.
 * Every finding must be in JUSTIFIED, each with the reason it stays; anything else fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const runner = join(__dirname, 'electronegativity-offline.cjs');

interface Finding {
  readonly id: string;
  readonly file: string;
  readonly line: number;
  readonly severity: string;
  readonly confidence: string;
  readonly manualReview: boolean;
  readonly description: string;
}

/** Findings that stay, with why (the same reason is written where each is raised). */
const JUSTIFIED: Record<string, string> = {
  // "'self' can be problematic if you host JSONP, Angular or user uploaded files": app:// serves
  // only our own built files (main/protocol.ts refuses anything outside out/renderer), none of those.
  'CSP_GLOBAL_CHECK renderer/index.html': 'script-src self on a private scheme with only our bundle',
  // A review reminder: the one call is reached only after isSafeExternalUrl (https, no credentials),
  // see main/navigation.ts and test/unit/main/navigation.test.ts.
  'OPEN_EXTERNAL_JS_CHECK main/index.js': 'openExternal only after the https check',
};

function scan(folder: string): { checks: number; issues: Finding[]; errors: unknown[] } {
  return JSON.parse(execFileSync(process.execPath, [runner, folder], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }).toString());
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signdrop-eng-'));
}, 10_000);
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('electronegativity', () => {
  it('finds nothing in the built app beyond the justified, reviewed items', () => {
    const out = join(work, 'out');
    execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', out, '--logLevel', 'error'], {
      cwd: root,
      stdio: 'pipe',
    });
    const report = scan(out);
    console.log(
      `electronegativity: ${report.checks} checks\n${report.issues.map((i) => `  ${i.id} ${i.file}:${i.line} ${i.severity}/${i.confidence}${i.manualReview ? ' (review)' : ''} — ${i.description}`).join('\n')}`,
    );
    expect(report.checks).toBeGreaterThan(30);
    expect(report.errors).toEqual([]);
    const unexplained = report.issues.filter((i) => !(`${i.id} ${i.file}` in JUSTIFIED));
    expect(unexplained).toEqual([]);
  }, 180_000);

  it('does report an insecure window (the scan is not blind)', async () => {
    const bad = join(work, 'bad');
    await mkdir(bad);
    await writeFile(join(bad, 'package.json'), JSON.stringify({ name: 'bad', devDependencies: { electron: '45.5.0' } }));
    await writeFile(
      join(bad, 'main.js'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    const ids = scan(bad).issues.map((i) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']),
    );
  }, 120_000);
});
