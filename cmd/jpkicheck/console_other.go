//go:build !windows

package main

// setupConsole has nothing to do outside Windows: terminals interpret
// escape sequences, and a program started without a shell (a desktop
// launcher) has no console window to keep open.
func setupConsole() consoleSetup { return consoleSetup{} }
