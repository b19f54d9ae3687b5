#!/usr/bin/env node
'use strict';
// Checked before anything else is loaded: on an older Node the bundle (and the AWS SDK inside it)
// would fail somewhere deep with a stack trace that does not say the runtime is the problem.
const needed = 22;
if (Number(process.versions.node.split('.')[0]) < needed) {
  process.stderr.write(`signdrop needs Node ${needed} or later; this is Node ${process.versions.node}.\n`);
  process.exit(2);
}
// Node keeps V8's compiled code for the bundle between runs (in the OS temporary folder), which
// saves most of the start-up parse. 22.0 lacks it, hence the optional call.
require('node:module').enableCompileCache?.();
// One file built by `npm run build:cli` (rolldown.config.mjs).
require('../out/cli/signdrop.cjs').main();
