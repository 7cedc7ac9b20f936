#!/usr/bin/env bash
# make dist: the release packages, the same bytes on every build of one
# commit (CI builds twice and compares SHA256SUMS).
#   scripts/dist/dist.sh OUTDIR VERSION
# GO is the go command; GOTOOLCHAIN (the Makefile's RELEASE_GO) picks the
# release toolchain. Writes to OUTDIR:
#   jpkicheck-VERSION-windows-amd64.zip  jpkicheck.exe (version information
#                                        and icon), README.txt (ja+en), the
#                                        kiosk files (kiosk.cmd, office.conf, lobby-pc.ps1)
#   jpkicheck_VERSION_amd64.deb          /usr/bin/jpkicheck, depends on pcscd,
#                                        the kiosk's systemd units
#   jpkicheck-VERSION-linux-amd64.tar.gz the binary, README, the kiosk's units
#   SHA256SUMS
# Reproducible: -trimpath, an empty build id, every file time and the zip's
# and tar's entry times set to the last commit's time (SOURCE_DATE_EPOCH),
# sorted entries, root owner, no host names or paths.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$1 version=$2
go=${GO:-go}
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}"
export TZ=UTC LC_ALL=C
umask 022

. scripts/lib/need.sh
need zip zip
need dpkg-deb dpkg

WINRES=github.com/tc-hib/go-winres@v0.3.3
ldflags="-s -w -buildid= -X main.version=$version"

# The version as Windows and Debian want it: four numbers for the file
# version (0.0.0.0 for an untagged build), a leading digit for dpkg.
numeric=0.0.0.0
if [[ $version =~ ^v?([0-9]+)\.([0-9]+)\.([0-9]+) ]]; then
	numeric="${BASH_REMATCH[1]}.${BASH_REMATCH[2]}.${BASH_REMATCH[3]}.0"
fi
debversion=${version#v}
[[ $debversion =~ ^[0-9] ]] || debversion="0~$debversion"

tmp=$(mktemp -d)
syso=cmd/jpkicheck/zz_release_windows_amd64.syso
trap 'rm -rf "$tmp" "$syso"' EXIT
rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)

# stamp DIR: every file and directory under DIR gets the commit's time.
stamp() { find "$1" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +; }

## Windows: the .exe with its resources, in a zip.
"$go" run ./scripts/dist/icon -o "$tmp/icon.png"
"$go" run "$WINRES" simply --arch amd64 --out "$tmp/rsrc" --manifest cli \
	--icon "$tmp/icon.png" --product-name jpkicheck \
	--file-description "jpkicheck: My Number Card certificate check" \
	--product-version "$version" --file-version "$numeric" \
	--original-filename jpkicheck.exe --copyright "jpkicheck authors"
# go build links every .syso in the package directory; it is removed on exit.
cp "$tmp/rsrc_windows_amd64.syso" "$syso"
win="jpkicheck-$version-windows-amd64"
mkdir -p "$tmp/$win"
CGO_ENABLED=0 GOOS=windows GOARCH=amd64 "$go" build -trimpath -ldflags "$ldflags" -o "$tmp/$win/jpkicheck.exe" ./cmd/jpkicheck
rm -f "$syso"
crlf() { sed "s/VERSION/$version/g; s/\$/\r/" "$1" >"$2"; }
crlf packaging/windows/README.txt "$tmp/$win/README.txt"
crlf packaging/windows/kiosk.cmd "$tmp/$win/kiosk.cmd"
crlf internal/office/example.conf "$tmp/$win/office.conf"
crlf deploy/windows/lobby-pc.ps1 "$tmp/$win/lobby-pc.ps1"
stamp "$tmp/$win"
(cd "$tmp" && find "$win" -print | sort | zip -q -X -D -@ "$out/$win.zip")

## Linux: the binary (cgo, links libpcsclite).
lin="jpkicheck-$version-linux-amd64"
mkdir -p "$tmp/$lin/deploy"
CGO_ENABLED=1 GOOS=linux GOARCH=amd64 "$go" build -trimpath -ldflags "$ldflags" -o "$tmp/$lin/jpkicheck" ./cmd/jpkicheck
cp README.md "$tmp/$lin/"
cp deploy/linux/* "$tmp/$lin/deploy/"
cp internal/office/example.conf "$tmp/$lin/deploy/office.conf"

## The .deb (dpkg-deb honours SOURCE_DATE_EPOCH for its own times).
deb="$tmp/deb"
install -D -m 0755 "$tmp/$lin/jpkicheck" "$deb/usr/bin/jpkicheck"
install -D -m 0644 README.md "$deb/usr/share/doc/jpkicheck/README.md"
install -D -m 0644 deploy/linux/jpkicheck-kiosk.service "$deb/usr/lib/systemd/system/jpkicheck-kiosk.service"
install -D -m 0644 deploy/linux/jpkicheck-kiosk-browser.service "$deb/usr/lib/systemd/user/jpkicheck-kiosk-browser.service"
install -D -m 0644 deploy/linux/50-jpkicheck-kiosk.rules "$deb/usr/share/polkit-1/rules.d/50-jpkicheck-kiosk.rules"
install -D -m 0644 deploy/linux/jpkicheck-kiosk.default "$deb/etc/default/jpkicheck-kiosk"
install -D -m 0644 internal/office/example.conf "$deb/etc/jpkicheck/office.conf"
mkdir -p "$deb/DEBIAN"
printf '/etc/default/jpkicheck-kiosk\n/etc/jpkicheck/office.conf\n' >"$deb/DEBIAN/conffiles"
sed "s/@VERSION@/$debversion/; s/@SIZE@/$(du -sk --exclude=DEBIAN "$deb" | cut -f1)/" packaging/deb/control >"$deb/DEBIAN/control"
stamp "$deb"
dpkg-deb --root-owner-group -Zxz --build "$deb" "$out/jpkicheck_${version}_amd64.deb" >/dev/null

## The tarball.
stamp "$tmp/$lin"
tar -C "$tmp" --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
	--format=gnu -cf - "$lin" | gzip -9 -n >"$out/$lin.tar.gz"

(cd "$out" && sha256sum -- *.zip *.deb *.tar.gz >SHA256SUMS)
ls -l "$out"
cat "$out/SHA256SUMS"
