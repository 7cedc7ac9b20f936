package jpki_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/jpki"
)

var jst = time.FixedZone("JST", 9*60*60)

// simulatedCard stands in for a reader's card: *scard.Card satisfies
// jpki.Transmitter the same way.
func simulatedCard(profile cardsim.Profile) *cardsim.Card {
	sim, err := cardsim.New(cardsim.Options{Profile: profile, Today: time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		panic(err)
	}
	return sim
}

// The no-PIN check: card type, expiry, signature, PIN tries.
func Example() {
	sim := simulatedCard(cardsim.WindowOpen)

	// Recognise the simulated card's test CA, as --trust-ca does.
	trust := jpki.DefaultTrust()
	if _, err := trust.AddPEM(sim.CAPEM()); err != nil {
		fmt.Println(err)
		return
	}

	card := jpki.NewCard(sim)
	res, err := jpki.Check(card, jpki.WithTrust(trust),
		// Called after the first READ BINARY, before the rest is read and
		// the signature checked: show it as provisional.
		jpki.WithEarlyValidity(func(v jpki.Validity) {
			fmt.Println("provisional expiry:", v.NotAfter.In(jst).Format(time.DateOnly))
		}))
	var typeErr *jpki.CardTypeError
	switch {
	case errors.Is(err, jpki.ErrNotJPKI):
		fmt.Println("not a JPKI card")
		return
	case errors.As(err, &typeErr):
		fmt.Println("JPKI, but not a My Number Card:", typeErr.Type)
		return
	case err != nil:
		fmt.Println(err)
		return
	}
	// The expiry date is NotAfter in Japan time.
	fmt.Println("card:", res.CardType)
	fmt.Println("expires:", res.Auth.NotAfter.In(jst).Format(time.DateOnly))
	fmt.Println("signature:", res.Auth.Trust.Status)
	fmt.Println("PIN tries left:", res.AuthPIN.TriesLeft, res.SignPIN.TriesLeft)
	// Output:
	// provisional expiry: 2027-01-29
	// card: my_number_card
	// expires: 2027-01-29
	// signature: user_supplied
	// PIN tries left: 3 5
}

// Checking a PIN spends a try only with the caller's consent, and never
// the last one unless told so.
func ExampleVerify() {
	card := jpki.NewCard(simulatedCard(cardsim.SignOneTry))
	err := jpki.Verify(card, jpki.SignPIN, []byte("abc123"), func(s jpki.PINStatus) jpki.Consent {
		fmt.Println("tries left:", s.TriesLeft)
		// A real caller asks the resident here; ProceedOnLastTry only
		// after a clear warning.
		return jpki.Proceed
	})
	fmt.Println(errors.Is(err, jpki.ErrLastTry))
	// Output:
	// tries left: 1
	// true
}

// A wrong PIN is reported with the tries now left; Verify never retries.
func ExampleWrongPINError() {
	card := jpki.NewCard(simulatedCard(cardsim.Valid))
	err := jpki.Verify(card, jpki.AuthPIN, []byte("0000"), func(jpki.PINStatus) jpki.Consent { return jpki.Proceed })
	var wrong *jpki.WrongPINError
	if errors.As(err, &wrong) {
		fmt.Println("wrong PIN,", wrong.TriesLeft, "tries left")
	}
	// Output:
	// wrong PIN, 2 tries left
}

// Reading one certificate file, with the validity as soon as it arrives.
func ExampleReadCertificate() {
	card := jpki.NewCard(simulatedCard(cardsim.Valid))
	cert, err := jpki.ReadCertificate(card, jpki.AuthCert, jpki.WithEarlyValidity(func(v jpki.Validity) {
		fmt.Println("early:", v.NotAfter.Format(time.RFC3339))
	}))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("final:", cert.NotAfter.Format(time.RFC3339))
	// Without --trust-ca the test CA is unknown; the card's CA file vouches.
	fmt.Println("signature:", cert.Trust.Status)
	// Output:
	// early: 2029-12-20T14:59:59Z
	// final: 2029-12-20T14:59:59Z
	// signature: card_ca
}
