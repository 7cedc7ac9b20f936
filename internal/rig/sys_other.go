//go:build !linux

package rig

import (
	"net"
	"os/exec"
)

func startChild(cmd *exec.Cmd) error { return cmd.Start() }

func quickAck(net.Conn) {}
