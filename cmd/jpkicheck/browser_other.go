//go:build !windows && !darwin

package main

// browserCommand uses xdg-open, the freedesktop way to reach the default
// browser on Linux and the BSDs.
func browserCommand(url string) (string, []string) { return "xdg-open", []string{url} }

// kioskBrowsers are the names distributions give Chromium, Chrome and
// Edge, looked up in PATH.
func kioskBrowsers(func(string) string) []string {
	return []string{"chromium", "chromium-browser", "google-chrome-stable", "google-chrome",
		"microsoft-edge-stable", "microsoft-edge"}
}
