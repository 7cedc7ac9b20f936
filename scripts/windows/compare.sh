#!/usr/bin/env bash
# Runs inside the Wine root (scripts/windows/enter.sh), in /w: the Linux
# jpkicheck and jpkicheck.exe under Wine 10, both through the root's own
# pcscd 2.3.3 to the same simulated card (jpkisim on a vpcd reader), each
# command run by both and its stdout, stderr, exit code (and written file)
# compared. Prints one line per comparison and a closing count; exits 1 if
# any differs or the set-up fails.
#   compare.sh VPCD_PORT KIOSK_PORT
# Normalised, because they must differ: the version line's Go version and
# GOOS; the hint shown when the PC/SC service is down (Windows names the
# Smart Card service, Linux names pcscd); an ics file's DTSTAMP (the time
# it was written). Nothing else.
set -uo pipefail
cd /w
vpcd_port=$1 kiosk_port=$2
export WINEDEBUG=-all XDG_RUNTIME_DIR=/tmp LANG=en_US.UTF-8 TZ=Asia/Tokyo
sim_today=$(TZ=Asia/Tokyo date +%F)

die() {
	echo "windows: set-up failed: $*" >&2
	[ -f pcscd.log ] && tail -20 pcscd.log >&2
	exit 1
}

# A fresh Wine prefix (in this run's tmpfs /root) while pcscd starts.
wineboot -i >wineboot.log 2>&1 &
boot=$!

# The root's pcscd with only the vpcd driver: an empty drivers directory
# (no CCID reader of the machine's shows up) and the vpcd readers on this
# run's ports (never 35963/35964, which a machine's own vpcd may hold).
cp /usr/lib/pcsc/drivers/serial/libifdvpcd.so.0.8 /w/libifdvpcd.so || die "no vpcd driver in the root"
mount -t tmpfs -o mode=0755 jpkidrivers /usr/lib/pcsc/drivers || die "cannot hide the root's drivers"
mkdir -p conf.readers conf.none
printf 'FRIENDLYNAME "Virtual PCD"\nDEVICENAME /dev/null:0x%X\nLIBPATH /w/libifdvpcd.so\nCHANNELID 0x%X\n' \
	"$vpcd_port" "$vpcd_port" >conf.readers/vpcd

pcscd_pid=
start_pcscd() { # $1 config directory
	pcscd --foreground --disable-polkit --config "$1" >>pcscd.log 2>&1 &
	pcscd_pid=$!
	for _ in $(seq 200); do
		[ -S /run/pcscd/pcscd.comm ] && return 0
		kill -0 "$pcscd_pid" 2>/dev/null || die "pcscd exited at start"
		sleep 0.05
	done
	die "pcscd did not create its socket in 10 s"
}
stop_pcscd() {
	[ -n "$pcscd_pid" ] || return 0
	kill "$pcscd_pid" 2>/dev/null
	wait "$pcscd_pid" 2>/dev/null
	pcscd_pid=
	rm -f /run/pcscd/pcscd.comm
}

sim_pid=
insert() { # $1 profile: the card goes into Virtual PCD 00 00
	remove
	./jpkisim --vpcd "127.0.0.1:$vpcd_port" --profile "$1" --today "$sim_today" --ca-out ca.pem >>jpkisim.log 2>&1 &
	sim_pid=$!
	for _ in $(seq 200); do
		./jpkicheck readers --json 2>/dev/null | grep -q '"card_present": true' && return 0
		sleep 0.05
	done
	die "the simulated card ($1) did not show up in the reader"
}
remove() {
	[ -n "$sim_pid" ] || return 0
	kill "$sim_pid" 2>/dev/null
	wait "$sim_pid" 2>/dev/null
	sim_pid=
	for _ in $(seq 100); do
		./jpkicheck readers --json 2>/dev/null | grep -q '"card_present": true' || return 0
		sleep 0.05
	done
}
trap 'remove; stop_pcscd; wineserver -k 2>/dev/null' EXIT

start_pcscd /w/conf.readers
wait "$boot" || die "wineboot failed: $(tail -5 wineboot.log)"
wine jpkicheck.exe version >/dev/null 2>&1 || die "jpkicheck.exe does not start under Wine"

normalise() { # stdin → stdout
	sed -E \
		-e 's/^(jpkicheck [^ ]+) \(go[^,]*, [a-z0-9]+\/[a-z0-9]+\)$/\1 (GO, OS)/' \
		-e 's/^(hint: |ヒント: ).*(services\.msc|systemctl|pcscd).*$/\1<how to start the PC\/SC service>/' \
		-e 's/("hint": ").*(services\.msc|systemctl).*"/\1<how to start the PC\/SC service>"/' \
		-e 's/^DTSTAMP:[0-9TZ]+\r?$/DTSTAMP:<written at>/'
}

passed=0 failed=0
# compare NAME [--stdin TEXT] [--file F] [--lin-env|--win-env 'K=V ...'] [--win-cmd PREFIX] -- ARGS...
# Runs ./jpkicheck ARGS and jpkicheck.exe ARGS and compares what they do.
# --file F: both write F (one after the other); its contents are compared
# too. --win-cmd: run the .exe through cmd /c with this
# prefix (for environment changes only Windows sees).
compare() {
	local name=$1 stdin="" file="" linenv="" winenv="" wincmd=""
	shift
	while [ "$1" != "--" ]; do
		case $1 in
		--stdin) stdin=$2 ;;
		--file) file=$2 ;;
		--lin-env) linenv=$2 ;;
		--win-env) winenv=$2 ;;
		--win-cmd) wincmd=$2 ;;
		esac
		shift 2
	done
	shift
	local d="out/$passed-$failed-${name//[^A-Za-z0-9]/_}"
	mkdir -p "$d"
	printf '%s' "$stdin" | env $linenv ./jpkicheck "$@" >"$d/lin.out" 2>"$d/lin.err"
	echo "exit $?" >"$d/lin.code"
	[ -z "$file" ] || mv "$file" "$d/lin.file" 2>/dev/null || : >"$d/lin.file"
	if [ -n "$wincmd" ]; then
		printf '%s' "$stdin" | env $winenv wine cmd /c "$wincmd jpkicheck.exe $*" >"$d/win.out" 2>"$d/win.err"
	else
		printf '%s' "$stdin" | env $winenv wine jpkicheck.exe "$@" >"$d/win.out" 2>"$d/win.err"
	fi
	echo "exit $?" >"$d/win.code"
	[ -z "$file" ] || mv "$file" "$d/win.file" 2>/dev/null || : >"$d/win.file"
	local what=(out err code)
	[ -z "$file" ] || what+=(file)
	local diffs="" w
	for w in "${what[@]}"; do
		normalise <"$d/lin.$w" >"$d/lin.$w.n"
		normalise <"$d/win.$w" >"$d/win.$w.n"
		cmp -s "$d/lin.$w.n" "$d/win.$w.n" || diffs+=" $w"
	done
	local summary
	summary="$(cat "$d/lin.code"), $(wc -l <"$d/lin.out") lines out, $(wc -l <"$d/lin.err") err${file:+, file $(wc -c <"$d/lin.file") bytes}"
	if [ -z "$diffs" ]; then
		passed=$((passed + 1))
		printf 'same     %-34s jpkicheck %s (%s)\n' "$name" "$*" "$summary"
	else
		failed=$((failed + 1))
		printf 'DIFFERS  %-34s jpkicheck %s:%s\n' "$name" "$*" "$diffs"
		for w in $diffs; do
			diff -u --label "linux $w" --label "windows $w" "$d/lin.$w.n" "$d/win.$w.n" | head -40 | sed 's/^/         /'
		done
	fi
}

# kiosk_status ARGS...: serves the kiosk with ARGS and prints its
# /api/status, the JSON the page polls.
kiosk_status() {
	local pid body
	"$@" --listen "127.0.0.1:$kiosk_port" >kiosk.out 2>kiosk.err &
	pid=$!
	for _ in $(seq 200); do
		grep -q http kiosk.out 2>/dev/null && break
		sleep 0.05
	done
	sleep 0.5 # the simulated card is read once the server runs
	if exec 3<>"/dev/tcp/127.0.0.1/$kiosk_port"; then
		printf 'GET /api/status HTTP/1.0\r\nHost: 127.0.0.1:%s\r\n\r\n' "$kiosk_port" >&3
		body=$(cat <&3 | sed '1,/^\r$/d')
		exec 3<&-
	fi
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	echo "$body"
	cat kiosk.out
}

mkdir -p out
t0=$(date +%s%N)
echo "windows: jpkicheck (linux/amd64) and jpkicheck.exe (Wine $(wine --version | sed 's/^wine-//')) on the same card, pcscd $(pcscd --version 2>&1 | sed -n 's/.*pcsc-lite version \([0-9.]*\).*/\1/p')"

insert window-open
compare "version" -- version
compare "readers" -- readers
compare "readers --json" -- readers --json
compare "check (text)" -- check --trust-ca ca.pem
compare "check --json" -- check --json --trust-ca ca.pem
compare "check --lang ja" -- check --lang ja --trust-ca ca.pem
compare "check --sign, password on stdin" --stdin $'ABC123\n' -- check --sign --trust-ca ca.pem
compare "pin" -- pin
compare "pin verify auth, PIN on stdin" --stdin $'1234\n' -- pin verify auth
compare "export auth (PEM)" --file auth.pem -- export auth -o auth.pem
compare "ics" --file reminders.ics -- ics -o reminders.ics
compare "window" -- window --expiry 2027-03-15 --today 2026-12-20
compare "window --json" -- window --expiry 2027-05-31 --today 2027-02-28 --json
compare "demo" -- demo
compare "demo --lang ja" -- demo --lang ja
compare "unknown command (usage error)" -- chek
# lang_windows.go: no LANG or LC_* in the program's environment, the
# language from the system (Wine's user locale ja-JP); Linux gets LANG.
compare "language from the system (ja)" --lin-env "LANG=ja_JP.UTF-8" \
	--win-env "LC_ALL=ja_JP.UTF-8" --win-cmd "set LANG=&& set LC_ALL=&&" -- window --expiry 2027-03-15 --today 2026-12-20

for profile in valid expired auth-locked sign-one-try juki smartphone not-jpki; do
	insert "$profile"
	compare "check, card $profile" -- check --json --trust-ca ca.pem
done
insert valid
compare "check --lang ja, card valid" -- check --lang ja --trust-ca ca.pem
# Double-click detection: started by Wine from a pipe, the .exe does not
# own a console of its own, so no arguments means check, not the home page.
compare "no arguments from a shell = check" --

# The kiosk's status JSON for the simulated card, served by each binary.
lin=$(kiosk_status ./jpkicheck kiosk --sim window-open)
win=$(kiosk_status wine jpkicheck.exe kiosk --sim window-open)
if [ -n "$lin" ] && [ "$lin" = "$win" ]; then
	passed=$((passed + 1))
	printf 'same     %-34s jpkicheck kiosk --sim window-open: /api/status (%s bytes)\n' "kiosk status" "${#lin}"
else
	failed=$((failed + 1))
	printf 'DIFFERS  %-34s jpkicheck kiosk --sim window-open: /api/status\n' "kiosk status"
	diff -u --label linux --label windows <(echo "$lin") <(echo "$win") | head -40 | sed 's/^/         /'
fi

remove
compare "no card" -- check --wait 1s
compare "no card, --json" -- check --wait 1s --json
stop_pcscd
start_pcscd /w/conf.none
compare "no readers" -- readers
compare "no readers, check" -- check --wait 1s
stop_pcscd
compare "pcscd stopped: readers" -- readers
compare "pcscd stopped: check --json" -- check --json
compare "pcscd stopped: check --lang ja" -- check --lang ja

echo "windows: $passed same, $failed differ in $((($(date +%s%N) - t0) / 1000000)) ms (normalised: version line, PC/SC service hint, ics DTSTAMP)"
[ "$failed" -eq 0 ]
