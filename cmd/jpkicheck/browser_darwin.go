package main

func browserCommand(url string) (string, []string) { return "open", []string{url} }

// kioskBrowsers are the browsers' usual places on a Mac.
func kioskBrowsers(func(string) string) []string {
	return []string{
		"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
		"/Applications/Chromium.app/Contents/MacOS/Chromium",
		"/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
	}
}
