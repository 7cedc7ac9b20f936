package jpki

import (
	"encoding/asn1"
	"encoding/hex"
	"errors"
	"fmt"
)

// PersonalData is what the signing certificate says about its holder
// (基本4情報). Handle it as the resident's private data: show it only when
// they asked, never in kiosk mode, never in logs. fmt prints it redacted;
// read the fields to show them.
type PersonalData struct {
	Name       string `json:"name"`        // 氏名
	AltName    string `json:"alt_name"`    // 氏名代替文字: the name for systems lacking its characters
	Sex        string `json:"sex"`         // as the card codes it
	BirthDate  string `json:"birth_date"`  // as the card codes it (YYYYMMDD on cards seen so far)
	Address    string `json:"address"`     // 住所
	AltAddress string `json:"alt_address"` // 住所代替文字
}

// subjectAltName otherName OIDs of the signing certificate
// (1.2.392.200149.8.5.5.1 … .6).
var (
	oidSAN        = asn1.ObjectIdentifier{2, 5, 29, 17}
	oidName       = asn1.ObjectIdentifier{1, 2, 392, 200149, 8, 5, 5, 1}
	oidAltName    = asn1.ObjectIdentifier{1, 2, 392, 200149, 8, 5, 5, 2}
	oidSex        = asn1.ObjectIdentifier{1, 2, 392, 200149, 8, 5, 5, 3}
	oidBirthDate  = asn1.ObjectIdentifier{1, 2, 392, 200149, 8, 5, 5, 4}
	oidAddress    = asn1.ObjectIdentifier{1, 2, 392, 200149, 8, 5, 5, 5}
	oidAltAddress = asn1.ObjectIdentifier{1, 2, 392, 200149, 8, 5, 5, 6}
)

// ErrNoPersonalData: the certificate carries none of the JPKI personal
// fields (the auth certificate never does).
var ErrNoPersonalData = errors.New("no personal data in certificate")

// String is redacted on purpose.
func (p PersonalData) String() string { return "[personal data redacted]" }

// Format redacts every fmt verb, %#v included.
func (p PersonalData) Format(f fmt.State, verb rune) { fmt.Fprint(f, p.String()) }

// Personal parses the holder's name, address, birth date and sex from the
// signing certificate. Call it only to show them to the resident who asked.
func (c *Certificate) Personal() (PersonalData, error) {
	var p PersonalData
	if c.x509 == nil {
		return p, fmt.Errorf("%w: %s was not read in full", ErrNoPersonalData, c.File)
	}
	found := false
	for _, ext := range c.x509.Extensions {
		if !ext.Id.Equal(oidSAN) {
			continue
		}
		var names []asn1.RawValue
		if rest, err := asn1.Unmarshal(ext.Value, &names); err != nil || len(rest) > 0 {
			return PersonalData{}, fmt.Errorf("%w: subjectAltName does not parse", ErrMalformed)
		}
		for _, n := range names {
			// otherName is GeneralName [0], constructed.
			if n.Class != asn1.ClassContextSpecific || n.Tag != 0 || !n.IsCompound {
				continue
			}
			// OtherName ::= SEQUENCE { type-id OID, value [0] EXPLICIT ANY },
			// here under the IMPLICIT [0] of GeneralName.
			var on struct {
				TypeID  asn1.ObjectIdentifier
				Wrapper asn1.RawValue
			}
			var value asn1.RawValue
			if rest, err := asn1.UnmarshalWithParams(n.FullBytes, &on, "tag:0"); err != nil || len(rest) > 0 ||
				on.Wrapper.Class != asn1.ClassContextSpecific || on.Wrapper.Tag != 0 || !on.Wrapper.IsCompound {
				return PersonalData{}, fmt.Errorf("%w: otherName does not parse", ErrMalformed)
			}
			if rest, err := asn1.Unmarshal(on.Wrapper.Bytes, &value); err != nil || len(rest) > 0 {
				return PersonalData{}, fmt.Errorf("%w: otherName value does not parse", ErrMalformed)
			}
			var dst *string
			switch {
			case on.TypeID.Equal(oidName):
				dst = &p.Name
			case on.TypeID.Equal(oidAltName):
				dst = &p.AltName
			case on.TypeID.Equal(oidSex):
				dst = &p.Sex
			case on.TypeID.Equal(oidBirthDate):
				dst = &p.BirthDate
			case on.TypeID.Equal(oidAddress):
				dst = &p.Address
			case on.TypeID.Equal(oidAltAddress):
				dst = &p.AltAddress
			default:
				continue
			}
			*dst = asn1Text(value)
			found = true
		}
	}
	if !found {
		return PersonalData{}, ErrNoPersonalData
	}
	return p, nil
}

// asn1Text decodes the string types certificates use; anything else comes
// back as hex, so nothing is silently dropped.
func asn1Text(v asn1.RawValue) string {
	if v.Class == asn1.ClassUniversal && !v.IsCompound {
		switch v.Tag {
		case asn1.TagUTF8String, asn1.TagPrintableString, asn1.TagIA5String,
			asn1.TagT61String, asn1.TagNumericString, asn1.TagBMPString:
			var s string
			if _, err := asn1.Unmarshal(v.FullBytes, &s); err == nil {
				return s
			}
		}
	}
	return hex.EncodeToString(v.Bytes)
}
