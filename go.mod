module github.com/jpkicheck/jpkicheck

go 1.26.0

require (
	github.com/chromedp/chromedp v0.23.0
	github.com/creack/pty v1.1.24
	github.com/ebfe/scard v0.0.0-20241214075232-7af069cabc25
	github.com/emersion/go-ical v0.0.0-20250329121855-f41e73efc392
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	go.mozilla.org/pkcs7 v0.10.0
	golang.org/x/sys v0.50.0
	golang.org/x/term v0.48.0
)

require (
	github.com/chromedp/cdproto v0.159.0 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/teambition/rrule-go v1.8.2 // indirect
	golang.org/x/text v0.14.0 // indirect
)
