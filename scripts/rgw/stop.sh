#!/usr/bin/env bash
# Stops only the daemons that start.sh (or a test, for extra gateways) started, by their pid files, and removes the state folder.
D=${RGW_DIR:-${SIGNDROP_RGW_DIR:-}}
[ -n "$D" ] && [ -d "$D" ] || exit 0
# Gateways first (a test may have started more than one, named client.rgw-<port>), then the cluster.
for f in "$D"/run/client.rgw*.pid "$D"/run/osd.0.pid "$D"/run/mon.a.pid; do
  [ -f "$f" ] || continue; pid=$(cat "$f")
  kill "$pid" 2>/dev/null || continue
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
done
rm -rf "$D"
