#!/usr/bin/env bash
# Stops the keyring daemon and the private bus that start.sh started.
D=${SIGNDROP_KEYRING_DIR:-}
[ -n "$D" ] && [ -f "$D/dbus.pid" ] || exit 0
for f in keyring.pid dbus.pid; do
  pid=$(cat "$D/$f" 2>/dev/null) || continue
  kill "$pid" 2>/dev/null || continue
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
done
rm -rf "$D"
