package cardsim

import "time"

// jst is Japan Standard Time. Japan has no daylight saving time, so a fixed
// zone is exact; it also keeps the package independent of the tz database.
var jst = time.FixedZone("JST", 9*60*60)

// civil returns t's calendar date (read in t's own location) as midnight UTC,
// the form every date in this package takes internally.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// todayInJapan is the current civil date in Japan.
func todayInJapan() time.Time {
	return civil(time.Now().In(jst))
}

// notBefore is when a user certificate was issued: a time of day, as on
// real JPKI certificates, not midnight (docs/protocol.md, "Certificates").
// The card uses 15:28:06 JST on the issue day, which is on the issue day in
// UTC too, so the issue date reads the same in either zone.
func notBefore(issue time.Time) time.Time {
	y, m, d := issue.Date()
	return time.Date(y, m, d, 15, 28, 6, 0, jst).UTC()
}

// caNotBefore is 00:00:00 JST on day, for the test CAs.
func caNotBefore(day time.Time) time.Time {
	y, m, d := day.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, jst).UTC()
}

// notAfter is 23:59:59 JST on the expiry day, i.e. YYYYMMDD145959Z.
func notAfter(expiry time.Time) time.Time {
	y, m, d := expiry.Date()
	return time.Date(y, m, d, 14, 59, 59, 0, time.UTC)
}

// issuedFor picks a plausible issue date for a certificate expiring on
// expiry: user certificates run about five years (to the holder's fifth
// birthday after issue), and a card cannot hold a certificate issued
// after today. It is issued yesterday at the latest: issued this afternoon
// it could still be in the future for a host that reads it this morning.
func issuedFor(expiry, today time.Time, years int) time.Time {
	issue := expiry.AddDate(-years, 0, 30)
	if yesterday := today.AddDate(0, 0, -1); issue.After(yesterday) {
		issue = yesterday
	}
	if issue.After(expiry) {
		issue = expiry
	}
	return issue
}
