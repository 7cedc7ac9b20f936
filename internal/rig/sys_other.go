//go:build !linux

package rig

import (
	"os/exec"
)

func startChild(cmd *exec.Cmd) error { return cmd.Start() }
