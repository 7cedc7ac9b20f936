//go:build !linux

package cardsim

import "net"

// quickACK is Linux-only; elsewhere the delayed-ACK stall stays.
func quickACK(net.Conn) {}
