#!/usr/bin/env node
'use strict';
// Built by `npm run build` (tsc -p cli/tsconfig.json).
require('../out/cli/cli/main.js').main();
