/**
 * The folders are the architecture: each one runs in one environment (plain Node, Electron main, the
 * sandboxed preload, Chromium, the CLI), and an import across a line drags code where it cannot run
 * or hands it powers it must not have. Together the rules give every folder a list of what it may
 * import, so main/ is imported by nobody and the renderer by nobody. They fail the test suite
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
    {
      name: 'preload-only-common',
      comment:
        'The preload is the sandboxed bridge: it maps domain methods onto the contract with electron and common/, and reaches no engine, shell, UI or Node module.',
      severity: 'error',
      from: { path: '^preload/' },
      to: { pathNot: '^(preload|common)/|^electron$|node_modules/electron/' },
    },
    {
      name: 'cli-no-electron',
      comment: 'The CLI drives core/ in plain Node: no electron, and nothing of the shell, the preload or the UI.',
      severity: 'error',
      from: { path: '^cli/' },
      to: { path: '^(main|preload|renderer)/|^electron$|node_modules/electron/' },
    },
    {
      name: 'keyring-only-in-keychain-store',
      comment: 'Only the keychain store touches the OS keychain.',
      severity: 'error',
      from: { pathNot: '^core/credentials/keychain-store\\.ts$' },
      to: { path: '^@napi-rs/keyring$|node_modules/@napi-rs/keyring/' },
    },
    {
      name: 'keychain-store-only-in-assembly',
      comment: 'Engine services get a CredentialStore passed in; only the code that assembles the engine picks the keychain one.',
      severity: 'error',
      from: { path: '^core/', pathNot: '^core/(credentials/|index\\.ts$)' },
      to: { path: '^core/credentials/keychain-store\\.ts$' },
    },
    {
      name: 'keys-resolved-by-signing-and-profiles',
      comment:
        'Keys are read from the store (resolve-credentials) only by the signer, the profile test and region detection (core/s3/); ' +
        'the transfer engine and the queue get presigned URLs, the shell, the UI and the CLI never hold keys.',
      severity: 'error',
      from: { pathNot: '^core/(credentials|signing|profiles|s3)/' },
      to: { path: '^core/credentials/resolve-credentials\\.ts$' },
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
