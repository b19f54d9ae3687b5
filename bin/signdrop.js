#!/usr/bin/env node
'use strict';
// Node 22.1 and later keep V8's compiled code for the bundle between runs (in the OS temporary folder),
// which saves most of the start-up parse; Node 20 has no such cache and simply starts without it.
require('node:module').enableCompileCache?.();
// One file built by `npm run build:cli` (rolldown.config.mjs).
require('../out/cli/signdrop.cjs').main();
