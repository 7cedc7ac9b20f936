// Package e2e runs the real jpkicheck binary end to end on the real PC/SC
// stack: a private pcscd with the vpcd virtual readers (internal/rig), the
// simulated My Number Card served by cmd/jpkisim, and OpenSC's pkcs15-tool
// as an independent client of the same card. Everything from libpcsclite
// down is the code a resident's machine runs; only the card is simulated.
//
// The package holds tests only. They assert what a user would notice: the
// exit code, the message and its hint, the dates shown, and that nothing
// but an explicit "pin verify" ever moves a PIN counter (jpkisim's --state
// file, read before and after). The APDUs the card received come from
// jpkisim's --log, i.e. from the card's side of the reader.
//
// Without pcscd, vpcd or OpenSC the tests skip with the reason; with
// CI=true they fail instead. Each test binary has its own pcscd, so this
// package runs beside the other real-stack packages under go test ./....
//
//	go test ./internal/e2e            # ~20 s on a 2-core machine
//	JPKIRIG_DUMPLOG=1 go test -v ...  # with every pcscd log
package e2e
