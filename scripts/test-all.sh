#!/usr/bin/env bash
# `npm run test:all`: every tier on real services, from a fresh clone.
# Installs what is missing, builds, starts radosgw and a private keyring once, runs
# unit, integration and e2e, and stops everything it started, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh
# Every step below runs on a supported Node, installed into the project when the machine's is older.
node_bin=$(bash scripts/ensure-node.sh)
if [ -n "$node_bin" ]; then export PATH="$node_bin:$PATH"; fi
echo "Tests run on Node $(node -v) ($(command -v node))"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

npm run typecheck
npm run build

cleanup() {
  set +e
  [ -n "${SIGNDROP_KEYRING_DIR:-}" ] && bash scripts/keyring/stop.sh
  [ -n "${SIGNDROP_RGW_DIR:-}" ] && bash scripts/rgw/stop.sh
}
trap cleanup EXIT INT TERM

echo "Starting radosgw and the keyring…"
# Assigned first: a start that fails must stop this script, which `eval "$(…)"` alone would not;
# each is exported at once, so the cleanup stops it if the next one fails.
set -a
rgw_env=$(bash scripts/rgw/start.sh)
eval "$rgw_env"
keyring_env=$(bash scripts/keyring/start.sh)
eval "$keyring_env"
set +a
echo "radosgw on $SIGNDROP_S3_ENDPOINT"

npx vitest run --project unit --project integration --project e2e
