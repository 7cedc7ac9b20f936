// Package bench measures what a resident waits for: jpkicheck and OpenSC
// side by side on the real PC/SC stack (a private pcscd, the vpcd reader
// and the simulated card in cmd/jpkisim), under the link models of a plain
// rig, a contact reader at 9600 baud and an NFC reader. `make bench` runs
// it (TestBench, gated by JPKICHECK_BENCH=1 so that go test ./... stays
// fast) and prints the tables that docs/benchmarks.md shows.
//
// The package itself holds the arithmetic: counting APDUs and bytes from
// jpkisim's --log, the theoretical minimum of each operation, medians and
// spreads, and the tables.
package bench
