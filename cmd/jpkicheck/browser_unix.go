//go:build !windows

package main

import (
	"os"
	"syscall"
)

// stopProcess asks the browser to close (SIGTERM), as a desktop logout
// would: it ends its own helper processes.
func stopProcess(p *os.Process) error { return p.Signal(syscall.SIGTERM) }
