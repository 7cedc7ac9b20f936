package main

import "os"

// browserCommand uses the URL handler directly rather than "cmd /c start",
// which would need the URL quoted for cmd's own parsing.
func browserCommand(url string) (string, []string) {
	return "rundll32", []string{"url.dll,FileProtocolHandler", url}
}

// kioskBrowsers are where Edge (part of Windows 10 and 11) and Chrome
// install themselves, Edge first.
func kioskBrowsers(getenv func(string) string) []string {
	var out []string
	for _, dir := range []string{getenv("ProgramFiles(x86)"), getenv("ProgramFiles")} {
		if dir != "" {
			out = append(out, dir+`\Microsoft\Edge\Application\msedge.exe`)
		}
	}
	for _, dir := range []string{getenv("ProgramFiles"), getenv("ProgramFiles(x86)"), getenv("LocalAppData")} {
		if dir != "" {
			out = append(out, dir+`\Google\Chrome\Application\chrome.exe`)
		}
	}
	return out
}

// stopProcess ends the browser: Windows has no polite signal for a
// program without a console.
func stopProcess(p *os.Process) error { return p.Kill() }
