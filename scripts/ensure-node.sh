#!/usr/bin/env bash
# Prints a folder holding a `node` of the supported major version (22 or later), for PATH.
# Prints nothing when the `node` already on PATH is recent enough. Otherwise installs the
# pinned Node below from the npm registry (the node-<os>-<arch> package, which is the official
# build) into .tools/ of the project, once, so a machine with an older Node needs nothing else.
# Messages go to stderr: stdout is the folder only.
set -euo pipefail
cd "$(dirname "$0")/.."

pinned=24.22.3
minimum=22

current=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
[ "$current" -ge "$minimum" ] && exit 0

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  *) echo "No pinned Node for $(uname -s): install Node $minimum or later." >&2; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "No pinned Node for $(uname -m): install Node $minimum or later." >&2; exit 1 ;;
esac

dir=".tools/node-$pinned-$os-$arch"
if [ ! -x "$dir/bin/node" ]; then
  echo "Node $(node -v 2>/dev/null || echo '(none)') is older than $minimum: installing Node $pinned (node-$os-$arch from npm) into $dir" >&2
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  npm pack --silent --pack-destination "$tmp" "node-$os-$arch@$pinned" >/dev/null
  mkdir -p "$dir"
  tar -xzf "$tmp"/node-*.tgz -C "$dir" --strip-components=1 package/bin/node package/LICENSE
fi
"$dir/bin/node" -e 'process.exit(0)' || { echo "$dir/bin/node does not run on this machine." >&2; exit 1; }
echo "$PWD/$dir/bin"
