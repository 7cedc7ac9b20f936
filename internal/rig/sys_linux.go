package rig

import (
	"os/exec"
	"runtime"
	"syscall"
)

// Linux delivers the parent-death signal when the thread that forked the
// child exits, not the process; a Go thread can exit under the runtime's
// control, which would take the daemon down mid-test. So children are
// forked from one goroutine locked to a thread that lives as long as the
// test binary, and they still die with it if it crashes or is killed.
var spawnReq = make(chan spawn)

type spawn struct {
	cmd  *exec.Cmd
	done chan error
}

func init() {
	go func() {
		runtime.LockOSThread() // never unlocked: the thread must not exit
		for s := range spawnReq {
			s.done <- s.cmd.Start()
		}
	}()
}

// startChild starts cmd so that it receives SIGTERM when the test binary
// dies, and in its own process group so a terminal's Ctrl-C reaches only the
// test binary, whose cleanups then stop the child in order.
func startChild(cmd *exec.Cmd) error {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Pdeathsig = syscall.SIGTERM
	cmd.SysProcAttr.Setpgid = true
	s := spawn{cmd, make(chan error, 1)}
	spawnReq <- s
	return <-s.done
}
