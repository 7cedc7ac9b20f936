//go:build !windows && !darwin

package main

// browserCommand uses xdg-open, the freedesktop way to reach the default
// browser on Linux and the BSDs.
func browserCommand(url string) (string, []string) { return "xdg-open", []string{url} }
