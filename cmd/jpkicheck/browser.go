package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// openBrowser opens url in the user's default browser and returns once the
// opener has started (the browser may still be starting).
func openBrowser(url string) error {
	name, args := browserCommand(url)
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("opening a browser with %s: %w", name, err)
	}
	// The opener hands the URL over and exits; reap it without waiting.
	go cmd.Wait()
	return nil
}

// findKioskBrowser is the first of this system's kiosk browsers that is
// installed, "" when none is. Bare names are looked up in the PATH that
// getenv gives.
func findKioskBrowser(getenv func(string) string) string {
	for _, b := range kioskBrowsers(getenv) {
		if filepath.IsAbs(b) {
			if isExecutable(b) {
				return b
			}
			continue
		}
		for _, dir := range filepath.SplitList(getenv("PATH")) {
			if p := filepath.Join(dir, b); dir != "" && isExecutable(p) {
				return p
			}
		}
	}
	return ""
}

func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && (runtime.GOOS == "windows" || fi.Mode()&0o111 != 0)
}
