#!/usr/bin/env bash
# Installs what jpkicheck needs on a Debian or Ubuntu machine, and only what
# is missing, so `make demo` and `make test` work on a fresh machine.
#   scripts/deps.sh build   Go toolchain check, libpcsclite-dev, pkg-config
#   scripts/deps.sh test    build + pcscd, vsmartcard-vpcd, opensc (the test rig),
#                           chromium and CJK fonts (the kiosk page's browser test)
#   scripts/deps.sh browser test + chromium (kiosk page tests, screenshots)
#   scripts/deps.sh deploy  systemd-analyze (checking the kiosk's systemd units)
set -euo pipefail

group="${1:-build}"
pkgs=(libpcsclite-dev pkg-config gcc)
case "$group" in
build) ;;
test) pkgs+=(pcscd vsmartcard-vpcd opensc pcsc-tools chromium fonts-noto-cjk) ;;
browser) pkgs+=(pcscd vsmartcard-vpcd opensc pcsc-tools chromium fonts-noto-cjk) ;;
deploy) pkgs=(systemd) ;;
*) echo "usage: $0 build|test|browser|deploy" >&2; exit 2 ;;
esac

if ! command -v go >/dev/null 2>&1; then
	echo "jpkicheck needs Go 1.26 or newer: https://go.dev/dl/ (then add it to PATH)" >&2
	exit 1
fi

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	cat >&2 <<MSG
jpkicheck: these packages are missing: ${missing[*]}
This machine has no apt-get, so install them with your system's package manager:
  Fedora:  sudo dnf install pcsc-lite-devel pcsc-lite pkgconf-pkg-config
  Arch:    sudo pacman -S pcsclite pkgconf
  macOS:   PC/SC is built in; nothing to install (build with cgo)
  Windows: PC/SC is built in; build with CGO_ENABLED=0
MSG
	exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		sudo=(sudo)
	else
		echo "jpkicheck: need root (or sudo) to install: ${missing[*]}" >&2
		exit 1
	fi
fi
echo "installing: ${missing[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
