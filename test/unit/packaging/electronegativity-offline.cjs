#!/usr/bin/env node
/**
 * Runs @doyensec/electronegativity on a folder and prints its findings as JSON, offline:
 * - it fetches translations and Electron's release list from GitHub at run time; here its HTTP
 *   client is replaced by one that fails at once (it then uses its bundled English texts);
 * - its TypeScript parser needs the TypeScript 4 it ships, not the project's TypeScript 7 that
 *   npm hoisted beside it.
 * Usage: node test/unit/packaging/electronegativity-offline.cjs <folder>
 */
const Module = require('node:module');
const { dirname, join } = require('node:path');

const engDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const bundledTypescript = require.resolve('typescript', { paths: [engDir] });
const offlineGot = join(__dirname, 'offline-got.cjs');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const from = parent?.filename ?? '';
  if (request === 'typescript' && /@typescript-eslint[\\/]typescript-estree/.test(from)) return bundledTypescript;
  if (request === 'got' && from.startsWith(engDir)) return offlineGot;
  return resolve.call(this, request, parent, ...rest);
};

const run = require('@doyensec/electronegativity');

(async () => {
  // Log lines from the tool go to stderr so stdout stays JSON.
  console.log = (...args) => console.error(...args);
  const result = await run({
    input: process.argv[2],
    isRelative: true,
    electronVersionOverride: require('electron/package.json').version,
    // Needs Electron's live release list (network); Electron's version is kept current by the lockfile instead.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
  const issues = result.issues.map((i) => ({
    id: i.id,
    file: i.file,
    line: i.location?.line,
    severity: i.severity.name,
    confidence: i.confidence.name,
    manualReview: i.manualReview,
    description: i.description,
  }));
  process.stdout.write(JSON.stringify({ checks: result.globalChecks + result.atomicChecks, issues, errors: result.errors }));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
