// @ts-check
/**
 * One rule set for the whole tree. It keeps the rules that find bugs (promises nobody awaits,
 * promises passed where a callback's result is ignored, a switch that forgets a case, hooks called
 * conditionally) and leaves layout to Prettier.
 */
import Module from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// typescript-eslint needs the TypeScript compiler API, which the Go-native TypeScript 7 package that
// builds this project does not ship. The type-aware rules therefore run on TypeScript 5.9, installed
// beside it as `typescript-for-lint`: every `require('typescript')` (and its subpaths) made while linting resolves there.
// (Module._resolveFilename rather than module.registerHooks, the public hook for `require`: that one exists only
// from Node 22.15, and `engines` allows any Node 22.)
const resolveFilename = /** @type {any} */ (Module)._resolveFilename;
/** @type {any} */ (Module)._resolveFilename = function (/** @type {string} */ request, /** @type {unknown[]} */ ...rest) {
  return resolveFilename.call(this, request.replace(/^typescript(?=$|\/)/, 'typescript-for-lint'), ...rest);
};
const { default: tseslint } = await import('typescript-eslint');

const typedFiles = ['**/*.ts', '**/*.tsx', '**/*.mts'];

export default defineConfig(
  {
    ignores: ['out/', 'dist/', 'test-results/', 'test/fixtures/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: typedFiles,
    languageOptions: {
      // The four programs of the typecheck; a file outside them is an error here too.
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './cli/tsconfig.json', './test/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A promise nobody awaits loses its rejection: an upload error that never reaches the UI.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function given where a sync callback is expected (event handler, forEach) rejects unseen.
      // (JSX attributes are left out: React ignores a handler's result, and the API reports failures as values.)
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      // `return promise` inside try skips the catch and finally meant for it.
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      // A new error code or upload state must be handled where every case is switched on.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Throwing strings or plain objects loses the stack and fails the `instanceof Error` checks.
      '@typescript-eslint/only-throw-error': 'error',
      // (An abort reason is whatever abort() was given, so any/unknown values pass.)
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      // "[object Object]" in a message a person is meant to act on.
      '@typescript-eslint/no-base-to-string': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      // Key templates and POST policies reject control characters on purpose.
      'no-control-regex': 'off',
      // A `let` read by a closure before its one assignment (a test's late-bound window) stays a `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // `_name` marks a parameter kept for its position.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // A stale value in an effect or callback is a bug a user sees (an old profile, a lost update).
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The preload is the one bridge to main: a raw ipcRenderer anywhere else would be a second door.
    files: ['**/*.{ts,tsx,mts,js,cjs,mjs}'],
    ignores: ['preload/**', 'test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcRenderer'], message: 'Only preload/ talks to main; use the window.signdrop API.' }] },
      ],
    },
  },
  {
    // Small files, one idea each: a file that outgrows this wants splitting by idea, and a long
    // function hides the steps a reader needs named. Tests are exempt from the function limit:
    // a describe block is a list of cases, not a step.
    files: ['core/**', 'common/**', 'main/**', 'preload/**', 'renderer/**', 'cli/**', 'scripts/**', 'test/**'],
    rules: { 'max-lines': ['error', { max: 300 }] },
  },
  {
    files: ['core/**', 'common/**', 'main/**', 'preload/**', 'renderer/**', 'cli/**', 'scripts/**'],
    rules: { 'max-lines-per-function': ['error', { max: 80 }] },
  },
);
