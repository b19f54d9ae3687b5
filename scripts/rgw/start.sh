#!/usr/bin/env bash
# Single-node Ceph (1 mon, 1 in-memory OSD, no auth inside the cluster) + radosgw on loopback,
# for tests and benchmarks. Debian: radosgw ceph-mon ceph-osd uuid-runtime curl (scripts/ensure-deps.sh).
# Env: RGW_DIR (state folder; default: a new temporary one), PORT and MONPORT (default: free ports),
#      MEM_BYTES (memstore size, default 6 GiB).
# Prints, on its last lines, shell assignments for SIGNDROP_S3_* to eval.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
for bin in ceph-mon ceph-osd radosgw radosgw-admin uuidgen curl; do
  command -v "$bin" >/dev/null || { echo "radosgw tier: '$bin' is missing. Run 'npm run test:all' (installs it) or: apt-get install -y radosgw ceph-mon ceph-osd uuid-runtime curl" >&2; exit 3; }
done
D=${RGW_DIR:-$(mktemp -d /tmp/signdrop-rgw.XXXXXX)}
PORT=${PORT:-$("$here/../free-port.sh")}
MONPORT=${MONPORT:-$("$here/../free-port.sh")}
MEM=${MEM_BYTES:-6442450944}
[ -d "$D/run" ] && RGW_DIR=$D "$here/stop.sh" >/dev/null 2>&1 || true
mkdir -p "$D"/{run,log,mon.a,osd.0}
FSID=$(uuidgen)
cat > "$D/ceph.conf" <<CONF
[global]
fsid = $FSID
mon host = v1:127.0.0.1:$MONPORT
mon initial members = a
public network = 127.0.0.0/8
ms bind msgr2 = false
ms bind ipv4 = true
auth cluster required = none
auth service required = none
auth client required = none
osd pool default size = 1
osd pool default min size = 1
mon allow pool size one = true
mon warn on pool no redundancy = false
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon max pg per osd = 1000
osd objectstore = memstore
# A one-node cluster: the OSD must not wait on class updates or move itself in the CRUSH map at start.
osd class update on start = false
osd crush update on start = false
memstore device bytes = $MEM
run dir = $D/run
admin socket = $D/run/\$name.asok
log file = $D/log/\$name.log
mon cluster log file = default=$D/log/ceph.\$channel.log cluster=$D/log/ceph.log
pid file = $D/run/\$name.pid
mon data = $D/mon.\$id
osd data = $D/osd.\$id
keyring = $D/keyring
[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:$PORT
rgw dns name = s3.localhost
rgw enable usage log = false
CONF
export CEPH_CONF=$D/ceph.conf
# A start that fails half-way stops what it started and says why, instead of leaving daemons behind.
trap 'echo "radosgw did not start; the end of $D/log/start.log:" >&2; tail -n 20 "$D/log/start.log" >&2; RGW_DIR=$D "$here/stop.sh" >/dev/null 2>&1' ERR
{
  ceph-authtool --create-keyring "$D/keyring" --gen-key -n mon. --cap mon 'allow *'
  monmaptool --create --add a "v1:127.0.0.1:$MONPORT" --fsid "$FSID" "$D/monmap"
  ceph-mon --mkfs -i a --monmap "$D/monmap" --keyring "$D/keyring"
  ceph-mon -i a
  # On a busy machine the monitor takes a while to answer commands ("EPERM: problem getting
  # command descriptions from mon"): wait until it does before asking it for anything.
  for _ in $(seq 60); do timeout 10 ceph mon stat && break; sleep 1; done
  OSDUUID=$(uuidgen)
  OSDID=$(ceph osd create "$OSDUUID")
  ceph-osd -i "$OSDID" --mkfs --osd-uuid "$OSDUUID"
  ceph osd crush add "osd.$OSDID" 1.0 root=default
  ceph-osd -i "$OSDID"
} > "$D/log/start.log" 2>&1
for _ in $(seq 60); do ceph osd stat 2>/dev/null | grep -q "1 up" && break; sleep 1; done
radosgw -n client.rgw >> "$D/log/start.log" 2>&1
for _ in $(seq 120); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.5; done
curl -s -o /dev/null "http://127.0.0.1:$PORT/" || { echo "radosgw did not answer on port $PORT" >&2; false; }
# Two users: the one the tests upload with, and one with no rights on its buckets (access-denied cases).
radosgw-admin user create --uid=test --display-name=test --access-key=TESTACCESSKEY --secret=TESTSECRETKEY >/dev/null
radosgw-admin user create --uid=other --display-name=other --access-key=OTHERACCESSKEY --secret=OTHERSECRETKEY >/dev/null
echo "SIGNDROP_RGW_DIR=$D"
echo "SIGNDROP_S3_ENDPOINT=http://127.0.0.1:$PORT"
