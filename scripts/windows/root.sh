#!/usr/bin/env bash
# Builds (once) the Debian 13 root in which the Windows build runs under
# Wine 10 against its own pcscd, and prints its path. See docs/windows.md
# for why: Debian 12's Wine 8 lacks bcryptprimitives.dll (Go >= 1.22 needs
# it) and has a stub winscard.dll; Wine 10's libpcsclite 2.3.3 needs a
# pcscd of the same release.
#
# The root lives outside the repository (JPKICHECK_WINE_CACHE, default
# /var/cache/jpkicheck-wine) so reruns on the same machine reuse it; a
# fresh machine builds it (~45 s, ~250 MB downloaded). It is rebuilt when
# the package list below changes. The mirror is the one this machine's own
# apt sources use.
set -euo pipefail

cache="${JPKICHECK_WINE_CACHE:-/var/cache/jpkicheck-wine}"
suite=trixie
pkgs=(wine wine64 pcscd vsmartcard-vpcd libpcsclite1 locales)

key="$suite ${pkgs[*]} v1"
root="$cache/$suite"
mkdir -p "$cache"
# One builder at a time; a second run waits and then finds the root ready.
exec 9>"$cache/.lock"
flock 9
if [ -f "$root/.jpkicheck-root" ] && [ "$(cat "$root/.jpkicheck-root")" = "$key" ]; then
	echo "$root"
	exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
	echo "root.sh: building the Wine root needs root (mmdebstrap, chroot)" >&2
	exit 1
fi
if ! command -v mmdebstrap >/dev/null 2>&1; then
	echo "root.sh: installing mmdebstrap" >&2
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mmdebstrap >/dev/null
fi

# The first Debian archive URI in this machine's apt sources (deb822 or
# one-line format), skipping the security archive.
mirror_from_sources() {
	{
		cat /etc/apt/sources.list.d/*.sources 2>/dev/null | sed -n 's/^URIs:[[:space:]]*//p' | tr ' ' '\n'
		cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
			sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]\+\).*/\2/p'
	} | grep -E '^https?://[^ ]+/debian/?$' | head -1 || true
}
mirror="${JPKICHECK_DEBIAN_MIRROR:-$(mirror_from_sources)}"
if [ -z "$mirror" ]; then
	echo "root.sh: no Debian mirror in /etc/apt/sources.list*; set JPKICHECK_DEBIAN_MIRROR" >&2
	exit 1
fi

mkdir -p "$cache"
tmp="$cache/.$suite.new.$$"
rm -rf "$tmp" "$root"
trap 'rm -rf "$tmp"' EXIT
t0=$(date +%s)
echo "root.sh: building the $suite root in $root (mmdebstrap)" >&2
include=$(IFS=,; echo "${pkgs[*]}")
mmdebstrap --quiet --variant=apt --include="$include" \
	--aptopt='APT::Install-Recommends "false"' \
	--customize-hook='echo "en_US.UTF-8 UTF-8" >> "$1/etc/locale.gen"; echo "ja_JP.UTF-8 UTF-8" >> "$1/etc/locale.gen"; chroot "$1" locale-gen >/dev/null' \
	"$suite" "$tmp" "$mirror" >&2
echo "$key" >"$tmp/.jpkicheck-root"
mv "$tmp" "$root"
trap - EXIT
echo "root.sh: root built in $(($(date +%s) - t0)) s" >&2
echo "$root"
