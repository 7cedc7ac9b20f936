#!/usr/bin/env bash
# Runs every native Go fuzz target in the module, one after the other, for
# FUZZTIME each: `make fuzz` (5m each) to hunt, `FUZZTIME=4s make fuzz` in
# CI as a smoke test that the targets still run and find nothing quickly.
#
# A crasher fails the run. Go saves it as testdata/fuzz/<Target>/<hash> in
# the target's package, and plain `go test` replays every file there from
# then on: commit it with the fix, and it is the regression test.
#
# The corpus a run grows is kept in Go's cache ($(go env GOCACHE)/fuzz), so
# later runs on the same machine start from it.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
FUZZTIME=${FUZZTIME:-5m}
# Each new interesting input is minimised; Go's default of 60 s per input
# stalls targets whose inputs are whole certificates for the entire run.
FUZZMINIMIZETIME=${FUZZMINIMIZETIME:-1000x}

mapfile -t files < <(grep -rlE --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' . | sort)
# Go 1.26's fuzz coordinator can report its own -fuzztime deadline as a
# failure ("context deadline exceeded", no input written) when a worker is
# mid-run as time runs out on a busy machine (go.dev/issue/75804, fixed in
# Go 1.27). A real finding always writes its input; only a bare deadline
# is retried, once, and not counted as a finding if it happens again.
deadline_flake() {
	grep -q 'context deadline exceeded' "$1" && ! grep -q 'Failing input written' "$1"
}

targets=0 execs_total=0 failed=() flaked=()
start=$SECONDS
for file in "${files[@]}"; do
	dir=$(dirname "$file")
	for name in $(grep -oE '^func Fuzz[A-Za-z0-9_]*' "$file" | cut -d' ' -f2); do
		log=$(mktemp)
		t0=$SECONDS
		fuzz() { $GO test -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime "$FUZZMINIMIZETIME" "$dir" >"$log" 2>&1; }
		if fuzz; then
			status=ok
		elif deadline_flake "$log" && fuzz; then
			status=ok
		elif deadline_flake "$log"; then
			status=flake
			flaked+=("$dir $name")
		else
			status=FAIL
			failed+=("$dir $name")
			cat "$log"
		fi
		# A target that fails at once prints no count.
		execs=$(grep -oE 'execs: [0-9]+' "$log" | tail -1 | cut -d' ' -f2 || true)
		execs=${execs:-0}
		printf 'fuzz: %-4s %-28s %-22s %10s execs in %ss\n' "$status" "${dir#./}" "$name" "$execs" $((SECONDS - t0))
		targets=$((targets + 1))
		execs_total=$((execs_total + execs))
		rm -f "$log"
	done
done
echo "fuzz: $targets targets, $FUZZTIME each, $execs_total executions in $((SECONDS - start))s, ${#failed[@]} failing, ${#flaked[@]} twice cut short by Go's deadline bug"
if [ ${#failed[@]} -gt 0 ]; then
	printf 'fuzz: FAILED %s\n' "${failed[@]}"
	echo "fuzz: the inputs are under each package's testdata/fuzz/; 'go test ./PKG' replays them" >&2
	exit 1
fi
