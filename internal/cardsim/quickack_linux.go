package cardsim

import (
	"net"
	"syscall"
)

// quickACK sets TCP_QUICKACK so the ACK for the reader's next segment goes
// out at once. vpcd 3.3 writes a message's length and body in two sends;
// with Nagle on its side and delayed ACK on ours, the body waits for our ACK
// (~40 ms per APDU). Measured on this project's machine (Debian 12, pcscd
// 1.9.9, vpcd 3.3), scard.Transmit → libpcsclite → pcscd → vpcd → this card,
// 200 APDUs each: SELECT 0.16 ms and READ BINARY of 256 bytes 0.12–0.14 ms
// per APDU with quick ACK; 50 ms and 63 ms without it.
func quickACK(conn net.Conn) {
	tc, ok := conn.(*net.TCPConn)
	if !ok {
		return
	}
	raw, err := tc.SyscallConn()
	if err != nil {
		return
	}
	_ = raw.Control(func(fd uintptr) {
		_ = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_QUICKACK, 1)
	})
}
