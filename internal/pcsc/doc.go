// Package pcsc talks to smart card readers through PC/SC (pcscd on Linux and
// macOS, the Smart Card service on Windows) and turns its failures into this
// package's typed errors. It is the only package that imports
// github.com/ebfe/scard; callers never see its types.
//
// A command-line tool calls Open, which finds or waits for a card and
// connects to it shared; a kiosk runs Watch all day and Connects when a card
// arrives. Card.Transmit has the shape the protocol package expects, and
// Card.Do runs a read sequence inside a PC/SC transaction. A command that
// sends a VERIFY takes the card with Card.Exclusive before it and ends with
// Card.CloseUnpower, since only a loss of power ends a verified PIN's
// effect (docs/protocol.md, "Verified state").
//
// # Behaviour on pcsc-lite 1.9.9 with vpcd (measured by this package's tests)
//
//   - A card is reported 0.1–0.4 s after it arrives (pcscd polls readers
//     about every 400 ms); its removal likewise, or at once if a command is
//     in flight. SCardCancel ends a wait in about 1 ms.
//   - One APDU takes 0.17–0.27 ms from Transmit to the card and back.
//   - A card pulled out while computing its answer: vpcd reports success
//     with no bytes; the next command gets SCARD_E_NOT_TRANSACTED. Never a
//     partial answer. The same two happen when the link to a card that
//     stays in the reader fails, so Transmit asks the service whether the
//     card is still there: ErrCardRemoved as soon as pcscd's next poll has
//     seen it go (0.4 s), ErrTransmission if it is still there after 1 s.
//   - SCardReconnect to exclusive mode does not fail while another program
//     is connected: libpcsclite retries it until that program lets go.
//     SCardConnect fails at once, so Exclusive reconnects through it.
//   - SCARD_UNPOWER_CARD: the card is powered off before Disconnect
//     returns (0.2–0.5 ms). A plain disconnect leaves it powered until
//     pcscd's own power-off of an idle card, 0.4–0.8 s after the last
//     client leaves (measured: 0.6–0.8 s).
//   - A card that does not answer its power-up at insertion: pcscd marks
//     it mute, and each connection powers it up again or fails with
//     SCARD_W_UNPOWERED_CARD. While it is there, every look at the readers
//     takes 0.4 s (libpcsclite waits for an ATR that does not come).
//   - The service stopping: the call in flight returns SCARD_F_COMM_ERROR or
//     SCARD_W_SECURITY_VIOLATION, every later call on that context
//     SCARD_E_NO_SERVICE, all ErrNoService. Only a new context talks to a
//     restarted daemon: Watch and the waits re-establish theirs, a Card must
//     be opened again.
//   - A card that never answers: nothing in PC/SC times out, so every call
//     on a Card is bounded (DefaultTimeout) and the handle is then
//     abandoned (Card documents what stays behind).
//   - Another program's exclusive connection: ErrSharingViolation (tests
//     play that program with pcsctest.HoldExclusive). Its reset of the card:
//     ErrCardReset once, then the handle works again.
package pcsc
