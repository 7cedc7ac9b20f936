# need PROGRAM PACKAGE: install the Debian package if the program is
# missing (as root, through apt-get), else say which package is needed.
# Sourced by the scripts that build packages and run the Windows tests.
need() {
	command -v "$1" >/dev/null 2>&1 && return 0
	if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
		echo "$0: needs $1 (Debian package $2)" >&2
		exit 1
	fi
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null
}
