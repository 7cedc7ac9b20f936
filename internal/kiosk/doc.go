// Package kiosk is jpkicheck's lobby page: a state machine that watches the
// card readers, reads each card that arrives and publishes what the page
// shows, and the small HTTP server that serves the page (embedded, offline)
// with /api/status and /api/events (Server-Sent Events).
//
// The machine goes waiting → reading → result (first from the
// certificate's first chunk, then with the issuer check and PIN counters)
// or a friendly error → "please take your card" after Config.Linger, and
// back to waiting as soon as the card leaves, from any of those. While the
// PC/SC service or the readers are gone it says so, and it recovers by
// itself. A card that stops answering gets an error screen after
// Config.ReadTimeout; taking it out starts over.
//
// Every word the page shows comes from the report catalogues and travels
// with each Status, in both languages. Nothing about a card outlives its
// removal: the status drops the report, and the page rebuilds its nodes
// from the new status. The page never asks for a PIN, and the signing
// certificate is never read.
package kiosk
