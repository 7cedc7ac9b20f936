#!/usr/bin/env bash
# Runs a command inside the Wine root (scripts/windows/root.sh) in a
# private mount namespace: the root's /tmp, /run and /root are fresh
# tmpfs for this run only, so the cached root is never written and two
# runs on one machine do not meet; the host's network is shared (jpkisim
# and vpcd talk TCP on loopback). $1 the root, $2 a host directory shown
# as /w inside; the rest is the command.
#   scripts/windows/enter.sh ROOT DIR -- CMD ARGS...
set -euo pipefail
root=$1 work=$2
shift 2
[ "${1:-}" = "--" ] && shift
exec unshare --mount --propagation private --fork sh -ec '
root=$1 work=$2
shift 2
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount --rbind /sys "$root/sys"
for d in tmp run root; do mount -t tmpfs -o mode=0755 "jpki$d" "$root/$d"; done
chmod 1777 "$root/tmp"
mkdir -p "$root/w"
mount --bind "$work" "$root/w"
exec chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin "$@"
' enter "$root" "$work" "$@"
