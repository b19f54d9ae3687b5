/**
 * The folders are the architecture (STYLE.md #1). These rules fail the test suite
 * (test/unit/boundaries.test.ts) and `npm run boundaries` when an import crosses a line.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-no-electron',
      comment: 'core/ is the engine in plain Node: the CLI and the tests run it without Electron.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^electron$|node_modules/electron/' },
    },
    {
      name: 'core-no-shell',
      comment: 'core/ must not reach up into the Electron shell, the preload or the UI.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(main|preload|renderer|cli)/' },
    },
    {
      name: 'common-is-pure',
      comment: 'common/ is shared by every process: only zod and its own files, no node:, electron or DOM code.',
      severity: 'error',
      from: { path: '^common/' },
      to: { pathNot: '^common/|node_modules/zod/|^zod$' },
    },
    {
      name: 'renderer-only-common',
      comment: 'The renderer is sandboxed web code: it may use common/, React and browser libraries, never core/, main/, preload/ or Node.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(core|main|preload|cli)/|^electron$|node_modules/electron/|^node:|^(fs|path|child_process|os|crypto)$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-type-imports-only-common',
      comment: 'Even type imports in the renderer come from common/ or its own files.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(core|main|preload|cli)/' },
    },
    {
      name: 'nobody-imports-renderer',
      comment: 'The renderer is a leaf: nothing else may import it.',
      severity: 'error',
      from: { pathNot: '^renderer/' },
      to: { path: '^renderer/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^out/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'] },
  },
};
