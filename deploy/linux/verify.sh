#!/usr/bin/env bash
# Checks the systemd units in deploy/linux with systemd-analyze verify:
# the system unit with the system manager's rules, the user unit with a
# user manager's (in a throw-away runtime directory, so no login session
# is needed). jpkicheck need not be installed: the units are checked
# against a stand-in at /usr/bin/jpkicheck's place. Any warning fails.
set -euo pipefail
cd "$(dirname "$0")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
printf '#!/bin/sh\nexit 0\n' >"$tmp/jpkicheck"
chmod +x "$tmp/jpkicheck"
check() { # scope unit
	sed "s#/usr/bin/jpkicheck#$tmp/jpkicheck#g" "$2" >"$tmp/$2"
	local out
	if [ "$1" = user ]; then
		mkdir -p "$tmp/run"
		out="$(XDG_RUNTIME_DIR="$tmp/run" systemd-analyze --user verify "$tmp/$2" 2>&1)" || { echo "$out"; exit 1; }
	else
		out="$(systemd-analyze verify "$tmp/$2" 2>&1)" || { echo "$out"; exit 1; }
	fi
	if [ -n "$out" ]; then
		echo "$2:"; echo "$out"; exit 1
	fi
	echo "$2: ok"
}
check system jpkicheck-kiosk.service
check user jpkicheck-kiosk-browser.service
