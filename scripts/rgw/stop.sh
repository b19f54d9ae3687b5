#!/usr/bin/env bash
# Stops only the daemons that start.sh started, by their pid files, and removes the state folder.
D=${RGW_DIR:-${SIGNDROP_RGW_DIR:-}}
[ -n "$D" ] && [ -d "$D" ] || exit 0
for p in client.rgw osd.0 mon.a; do
  f=$D/run/$p.pid; [ -f "$f" ] || continue; pid=$(cat "$f")
  kill "$pid" 2>/dev/null || continue
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
done
rm -rf "$D"
