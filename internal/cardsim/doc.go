// Package cardsim is a simulated Japanese My Number Card: it answers command
// APDUs the way the card's JPKI applet does, so host code can be tested
// without a card or a reader.
//
// It is deliberately an independent implementation of the card side of the
// protocol and shares no code or constants with the host side
// (internal/jpki): a misunderstanding written once on both sides would agree
// with itself and hide the bug. Its behaviour follows docs/protocol.md; where
// real cards are undocumented it picks the stricter answer, and says so next
// to the choice. What earlier versions did instead, where a host may meet
// it, stays available as a Quirk.
//
// What real cards do, and the card does by default:
//
//   - a successful VERIFY lasts until the card is powered off (PowerOff,
//     vpcd power-off) or another application is selected; selecting the
//     JPKI applet again and a warm reset (Reset) keep it
//   - an empty VERIFY on a PIN verified in this power session: 90 00;
//     otherwise 63 Cx, spending nothing
//   - a wrong PIN that spends the last try answers 63 C0; every VERIFY
//     after that, empty or not, 69 84
//   - READ BINARY that starts inside the EF but runs past its end: the
//     bytes up to the end with 90 00; starting at or past the end: 6B 00
//
// Status words chosen where real cards are undocumented:
//
//   - a PIN that was never set (profiles child and face-auth): every VERIFY,
//     empty or not, answers 69 84 and nothing changes (the likeliest answer;
//     EF 0008 and the missing EF 0001 tell it from a blocked PIN)
//   - Le above the card's limit (256, or 128 for short-le): 67 00, no hint
//   - extended-length APDUs when Options.Extended is off: 67 00
//   - READ BINARY of a PIN or key EF: 69 82; with no current EF: 69 86
//   - VERIFY with no PIN EF selected: 69 86; wrong P1/P2: 6A 86
//   - SELECT with P2 other than 0C (FCI requested) or with Le: 6A 86 / 67 00;
//     SELECT with P1 other than 02 (EF) or 04 (DF name): 6A 86
//   - inside the other applets (券面事項入力補助AP, 券面AP, ...): every
//     EF is missing (6A 82), READ BINARY and VERIFY find no current EF
//     (69 86)
//   - GET RESPONSE with nothing pending: 69 85; Le larger than what is
//     pending: 6C xx
//   - a VERIFY value of the wrong length or character set is simply a wrong
//     PIN and spends a try (the card compares bytes; upper-casing the
//     signing password is the host's job)
//
// The same card can be served to the real PC/SC stack through the vpcd
// virtual reader driver with ServeVPCD (see cmd/jpkisim); its Link makes it
// answer as slowly as a contact or NFC reader's link would (see Link).
package cardsim
