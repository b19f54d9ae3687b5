// Preloaded into the built CLI (NODE_OPTIONS=--require) by load.test.ts: at exit, appends to
// $SIGNDROP_LOAD_LOG one JSON line naming every file and package the process required.
'use strict';
const Module = require('node:module');
const { appendFileSync } = require('node:fs');

const loaded = new Set();
const load = Module._load;
Module._load = function (request, parent, isMain) {
  // Noted before loading, so the list is in the order the requires were made.
  if (!Module.isBuiltin(request)) loaded.add(isMain ? request : Module._resolveFilename(request, parent, isMain));
  return load.call(this, request, parent, isMain);
};
process.on('exit', () => appendFileSync(process.env.SIGNDROP_LOAD_LOG, `${JSON.stringify([...loaded])}\n`));
