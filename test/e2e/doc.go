// Package e2e holds the tests that cut across packages: the real jpkicheck
// binary end to end on the real PC/SC stack (a private pcscd with the vpcd
// virtual readers from internal/rig, the simulated My Number Card served
// by cmd/jpkisim or from the test process, OpenSC's pkcs15-tool as an
// independent client of the same card), the kiosk process watched through
// its page's API, and the checks over the whole module's source. Only the
// card is simulated: everything from libpcsclite down is the code a
// resident's machine runs.
//
// The tests assert what a user would notice: the exit code, the message
// and its hint, the dates shown, that no personal data leaks, and that
// nothing but an explicit "pin verify" ever moves a PIN counter or leaves
// a PIN verified (rig.PINsUnchanged on jpkisim's --state file). The APDUs
// the card received come from the card's side of the reader.
//
// Files are grouped by subject: pin_* (PIN safety), removal_*, daemon_*
// and hang (faults), answers (the card's answers rewritten in process),
// profiles, nosign and realcert (cards and words), readers and wait,
// opensc (the referee), kiosk, leak, supply. The fault tests print lines
// starting "reliability:" with the counts docs/reliability.md collects.
//
// Without pcscd, vpcd or OpenSC the tests skip with the reason; with
// CI=true they fail instead. Each test binary has its own pcscd, so this
// package runs beside the other real-stack packages under go test ./....
//
//	go test -v ./test/e2e/            # read the "reliability:" lines
//	JPKIRIG_DUMPLOG=1 go test -v ...  # with every pcscd log
package e2e
