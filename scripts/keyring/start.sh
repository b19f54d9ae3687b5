#!/usr/bin/env bash
# A private D-Bus session with an unlocked gnome-keyring, so keychain tests never touch the
# developer's own keyring. Debian: dbus gnome-keyring libsecret-tools (scripts/ensure-deps.sh).
# Prints shell assignments to eval: DBUS_SESSION_BUS_ADDRESS and SIGNDROP_KEYRING_DIR.
set -euo pipefail
for bin in dbus-daemon gnome-keyring-daemon; do
  command -v "$bin" >/dev/null || { echo "keychain tier: '$bin' is missing. Run 'npm run test:all' (installs it) or: apt-get install -y dbus gnome-keyring libsecret-tools" >&2; exit 3; }
done
D=$(mktemp -d /tmp/signdrop-keyring.XXXXXX)
dbus-daemon --session --fork --print-address=1 --print-pid=1 > "$D/bus"
ADDR=$(sed -n 1p "$D/bus")
sed -n 2p "$D/bus" > "$D/dbus.pid"
# The unlock password only protects this throwaway keyring (it lives in $D).
# --foreground so we hold its pid: it does not always exit when the bus closes.
printf 'signdrop-test' | HOME=$D XDG_DATA_HOME=$D/data DBUS_SESSION_BUS_ADDRESS=$ADDR \
  setsid gnome-keyring-daemon --foreground --unlock --components=secrets > "$D/keyring.env" 2>&1 &
echo $! > "$D/keyring.pid"
# Ready once the daemon owns org.freedesktop.secrets on the bus.
for _ in $(seq 50); do
  DBUS_SESSION_BUS_ADDRESS=$ADDR dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true' && break
  sleep 0.1
done
echo "DBUS_SESSION_BUS_ADDRESS='$ADDR'"
echo "SIGNDROP_KEYRING_DIR=$D"
