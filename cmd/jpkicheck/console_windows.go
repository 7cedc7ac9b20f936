package main

import (
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
)

// setupConsole turns on virtual-terminal processing for the console
// streams, so colour and the spinner's line clearing work in a classic
// console (conhost) as in Windows Terminal, and reports what could not be
// turned on. Japanese text needs nothing here: Go writes to a console
// handle with WriteConsoleW (UTF-16), whatever the console's code page; a
// pipe or file gets UTF-8 (docs/windows.md).
func setupConsole() consoleSetup {
	var cs consoleSetup
	cs.noColorOut = !enableVT(os.Stdout)
	cs.noSpinner = !enableVT(os.Stderr)
	if pids, err := consoleProcessList(); err == nil {
		cs.doubleClick = launchedAlone(pids, windows.GetCurrentProcessId())
	}
	return cs
}

// enableVT turns on ENABLE_VIRTUAL_TERMINAL_PROCESSING for f if it is a
// console. It reports false only for a console that refuses it (Windows
// before 10 1511, or legacy console mode); a pipe or file is not a
// console and needs no escape processing (colour is off there anyway).
func enableVT(f *os.File) bool {
	h := windows.Handle(f.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return true
	}
	if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
		return true
	}
	return windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil
}

var procGetConsoleProcessList = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// consoleProcessList returns the ids of the processes attached to this
// process's console (GetConsoleProcessList; golang.org/x/sys/windows has
// no wrapper for it).
func consoleProcessList() ([]uint32, error) {
	if err := procGetConsoleProcessList.Find(); err != nil {
		return nil, err
	}
	pids := make([]uint32, 8)
	for {
		n, _, err := procGetConsoleProcessList.Call(uintptr(unsafe.Pointer(&pids[0])), uintptr(len(pids)))
		switch {
		case n == 0:
			return nil, err
		case int(n) <= len(pids):
			return pids[:n], nil
		}
		// The buffer was too small: n is the size needed.
		pids = make([]uint32, n)
	}
}
