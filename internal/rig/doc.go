// Package rig runs the real PC/SC stack for tests: a private pcscd with the
// vpcd virtual reader driver, simulated cards connecting to it over TCP, and
// helpers to build and run the project's binaries against that daemon.
//
// # Isolation
//
// pcscd 1.9.9 ignores PCSCLITE_CSOCK_NAME (its socket and pid file are fixed
// at /run/pcscd), but libpcsclite, the client side, honours it. So each rig
// starts pcscd inside "unshare --mount" with a private directory bind-mounted
// over /run/pcscd, a private reader.conf.d (-c) that puts the two vpcd
// readers on free TCP ports, and an empty tmpfs over the USB driver
// directory so a developer's real reader stays with the system daemon.
// The test process and every child it starts find the private socket
// through PCSCLITE_CSOCK_NAME, which this package sets when a test binary
// starts. Test binaries of different packages therefore run their rigs in
// parallel without touching /run/pcscd/pcscd.comm or ports 35963/35964.
//
// libpcsclite reads PCSCLITE_CSOCK_NAME once per process and caches it, so
// the socket path is fixed per test binary and rigs inside one test binary
// run one at a time (Start waits for the previous rig to be cleaned up).
//
// Without pcscd, vpcd or unshare, Start skips the test with the reason; with
// CI=true it fails instead, so a broken CI image cannot pass by skipping.
package rig
