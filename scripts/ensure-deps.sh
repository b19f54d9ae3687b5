#!/usr/bin/env bash
# Installs the Debian packages the test tiers need, when they are missing:
#   radosgw tier: radosgw ceph-mon ceph-osd uuid-runtime curl
#   keychain tier: dbus gnome-keyring libsecret-tools
#   e2e tier: chromium fonts-dejavu-core
# As root directly, otherwise through sudo. Does nothing when everything is present.
set -euo pipefail
packages=(radosgw ceph-mon ceph-osd uuid-runtime curl dbus gnome-keyring libsecret-tools chromium fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
command -v apt-get >/dev/null || { echo "Missing ${missing[*]} and no apt-get: install them with your package manager." >&2; exit 1; }
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Missing ${missing[*]}: run as root or install sudo." >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
