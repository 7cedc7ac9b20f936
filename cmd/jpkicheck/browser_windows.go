package main

// browserCommand uses the URL handler directly rather than "cmd /c start",
// which would need the URL quoted for cmd's own parsing.
func browserCommand(url string) (string, []string) {
	return "rundll32", []string{"url.dll,FileProtocolHandler", url}
}
