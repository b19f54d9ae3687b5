// The start of the single executable's entry script (scripts/build-cli-binary.mjs puts the bundled
// CLI after it). Inside the executable only Node's own modules can be required, so the keychain's
// native module travels as an asset: it is written once into a per-user cache folder, under its
// SHA-256, checked against that hash before every load, and loaded with process.dlopen.
'use strict';
const sea = require('node:sea');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

function cacheFolder() {
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA || path.join(os.homedir(), 'AppData', 'Local'), 'signdrop', 'Cache');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'signdrop');
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'signdrop');
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

let keyring;
function loadKeyring() {
  if (keyring) return keyring;
  const bytes = new Uint8Array(sea.getRawAsset('keyring.node'));
  const sum = sha256(bytes);
  const folder = path.join(cacheFolder(), 'native');
  const file = path.join(folder, `keyring-${sum}.node`);
  let onDisk;
  try {
    onDisk = sha256(fs.readFileSync(file));
  } catch {
    onDisk = undefined;
  }
  if (onDisk !== sum) {
    // Written beside and renamed, so a second signdrop starting at the same time never loads half a file.
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const part = `${file}.${process.pid}.part`;
    fs.writeFileSync(part, bytes, { mode: 0o600 });
    fs.renameSync(part, file);
  }
  const m = { exports: {} };
  process.dlopen(m, file);
  keyring = m.exports;
  return keyring;
}

// Both used by the wrapper around the bundle that scripts/build-cli-binary.mjs appends here.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const seaRequire = (id) => (id === '@napi-rs/keyring' ? loadKeyring() : require(id));
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const bundle = { exports: {} };
