// Package rig runs the real PC/SC stack for tests: a private pcscd with the
// vpcd virtual reader driver, simulated cards connecting to it over TCP, and
// helpers to build and run the project's binaries against that daemon.
//
//	r := rig.Start(t, rig.Options{})
//	sim := r.StartCard(t, "--profile", "expired")   // cmd/jpkisim in reader 0
//	bin := rig.Build(t, "./cmd/jpkicheck")
//	res := r.Run(t, 0, bin, "check", "--json", "--trust-ca", sim.CAPath)
//
// # Isolation
//
// pcscd 1.9.9 ignores PCSCLITE_CSOCK_NAME (its socket and pid file are fixed
// at /run/pcscd, and SIGUSR1 does not re-read reader.conf.d), but
// libpcsclite, the client side, honours it. So each rig starts pcscd inside
// "unshare --mount" (plus --user --map-root-user when not root) with:
//   - a private directory bind-mounted over /run/pcscd (when the machine
//     has no /run/pcscd, a private tmpfs over /run provides the mount point,
//     so nothing is created on the host);
//   - its own reader.conf.d (-c) putting the two vpcd readers on two free
//     consecutive TCP ports in 20000–32000 (vpcd listens on all interfaces;
//     a port taken meanwhile makes the reader fail and Start retries);
//   - an empty tmpfs over /usr/lib/pcsc/drivers, so a developer's real USB
//     reader stays with the system daemon (the vpcd driver is loaded from a
//     copy in the rig's directory).
//
// The test process and every child it starts find the private socket
// through PCSCLITE_CSOCK_NAME, which this package sets when a test binary
// starts: no test ever reaches the machine's own daemon, and test binaries
// of different packages run their rigs in parallel beside a system pcscd
// on /run/pcscd/pcscd.comm and vpcd's default ports 35963/35964. A rig
// stops only the daemon it started; the daemon and the card processes get
// SIGTERM if the test binary dies.
//
// libpcsclite reads PCSCLITE_CSOCK_NAME once per process and caches it, so
// the socket path is fixed per test binary and rigs inside one test binary
// run one at a time (Start waits for the previous rig to be cleaned up; do
// not nest them).
//
// Measured on the project's machine (Debian 12, 2 cores): pcscd answers
// clients 8–12 ms after it is started, rig.Start takes ~80 ms in all, a
// stop (SIGTERM) takes 1–2 ms; a card is reported 0.1–0.4 s after it
// connects (pcscd polls every ~400 ms), a jpkisim card ~0.6 s after a
// daemon restart (it retries every 150 ms); an APDU round trip is ~0.2 ms.
//
// Without pcscd, vpcd or a usable unshare, Start skips the test with the
// reason; with CI=true it fails instead, so a broken CI image cannot pass
// by skipping. The pcscd log (--debug --apdu) is printed when a test fails,
// or always with JPKIRIG_DUMPLOG=1.
package rig
