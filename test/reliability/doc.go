// Package reliability holds the tests of issue 9 that cut across packages:
// the fault matrix through the real PC/SC stack (pcscd, vpcd, jpkisim and
// the jpkicheck binary), the PIN-safety invariant over every command, the
// leak checks, and hung-card timeouts. It has no code of its own; the
// figures the tests report are collected in docs/reliability.md.
//
// Run it alone with
//
//	go test -v ./test/reliability/
//
// and read the lines starting "reliability:" for the counts.
package reliability
