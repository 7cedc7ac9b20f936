package main

import (
	"fmt"
	"os/exec"
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
