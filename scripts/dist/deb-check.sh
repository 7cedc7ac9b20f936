#!/usr/bin/env bash
# Installs the release .deb on this machine as a user would (apt-get
# install ./…deb), runs jpkicheck from PATH, checks what the package put
# where, and removes it again. Needs root. CI runs it after make dist.
#   scripts/dist/deb-check.sh dist/jpkicheck_VERSION_amd64.deb
set -euo pipefail
deb=$(realpath "$1")
fail() { echo "deb-check: FAIL: $*" >&2; exit 1; }
if dpkg-query -W -f='${Status}' jpkicheck 2>/dev/null | grep -q "install ok installed"; then
	fail "a jpkicheck package is already installed here; not touching it"
fi
trap 'DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq jpkicheck >/dev/null 2>&1 || true' EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null ||
	fail "apt-get install $deb"
[ "$(command -v jpkicheck)" = /usr/bin/jpkicheck ] || fail "jpkicheck is not /usr/bin/jpkicheck on PATH"
dpkg-query -W -f='${Depends}\n' jpkicheck | grep -q pcscd || fail "the package does not depend on pcscd"
for f in /usr/lib/systemd/system/jpkicheck-kiosk.service /usr/lib/systemd/user/jpkicheck-kiosk-browser.service \
	/usr/share/polkit-1/rules.d/50-jpkicheck-kiosk.rules /etc/default/jpkicheck-kiosk /etc/jpkicheck/office.conf; do
	[ -f "$f" ] || fail "missing $f"
done
(cd / && jpkicheck --version) || fail "jpkicheck --version"
(cd / && LC_ALL=C LANG=C jpkicheck demo >/tmp/deb-check-demo.txt) || fail "jpkicheck demo"
grep -q "simulated card" /tmp/deb-check-demo.txt || fail "jpkicheck demo printed no result: $(head -5 /tmp/deb-check-demo.txt)"
rm -f /tmp/deb-check-demo.txt
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq jpkicheck >/dev/null || fail "apt-get purge jpkicheck"
trap - EXIT
[ ! -e /usr/bin/jpkicheck ] || fail "/usr/bin/jpkicheck left after purge"
echo "deb-check: $(basename "$deb") installs, runs jpkicheck --version and demo from PATH, purges cleanly"
