package office

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestExample(t *testing.T) {
	o := Example()
	if !o.Example {
		t.Error("Example() is not marked as an example")
	}
	want := map[string][2]string{
		"name":    {"市役所", "City Hall"},
		"counter": {"市民課", "Citizens Division"},
		"floor":   {"本庁舎1階", "Main building, 1st floor"},
		"hours":   {"8:30〜17:00", "8:30–17:00"},
		"phone":   {"00-0000-0000", "00-0000-0000"},
	}
	for k, w := range want {
		f := o.field(k)
		if f.In("ja") != w[0] || f.In("en") != w[1] {
			t.Errorf("%s = %q / %q, want %q / %q", k, f.In("ja"), f.In("en"), w[0], w[1])
		}
	}
	if o.Note.Ja != "" || o.BringInPerson.Ja != "" {
		t.Errorf("commented-out lines were read: %+v", o)
	}
}

// The README documents the format with the example file itself, so the two
// cannot drift apart.
func TestREADMEShowsTheExample(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), strings.TrimSpace(string(exampleConf))) {
		t.Error("README.md's Kiosk section does not contain internal/office/example.conf verbatim; copy it there")
	}
}

func TestParse(t *testing.T) {
	o, err := Parse("office.conf", []byte("\uFEFF# comment\r\n  Name = 市役所 \r\nname.en=City Hall\r\n\r\nfloor ＝ 2階\r\nnote\t=\t番号札を\tお取りください\n"))
	if err != nil {
		t.Fatal(err)
	}
	if o.Name.Ja != "市役所" || o.Name.En != "City Hall" || o.Floor.In("en") != "2階" || o.Note.Ja != "番号札を お取りください" {
		t.Errorf("parsed %+v", o)
	}
	if o.Example {
		t.Error("a parsed file is marked as an example")
	}
	back, err := Parse("again", o.Format())
	if err != nil || !reflect.DeepEqual(back, o) {
		t.Errorf("round trip: %+v, %v; want %+v", back, err, o)
	}
}

// The kiosk's settings: seconds (full-width digits too, as an input
// method types them) and on/off, and they survive Format.
func TestParseSettings(t *testing.T) {
	o, err := Parse("office.conf", []byte("name = 市役所\nreading_time = ９０\nVoice = On\n"))
	if err != nil {
		t.Fatal(err)
	}
	if o.ReadingTime != 90*time.Second || !o.Voice {
		t.Errorf("reading time %v, voice %v; want 90s, on", o.ReadingTime, o.Voice)
	}
	back, err := Parse("again", o.Format())
	if err != nil || !reflect.DeepEqual(back, o) {
		t.Errorf("round trip: %+v, %v; want %+v", back, err, o)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, text string
		kind       ErrorKind
		msg        string
	}{
		{"typo", "name = 市役所\n# hours\n\ncounter = 市民課\nphone = 1\n\nflor = 2階\n", UnknownField,
			`office.conf:7: unknown field "flor" (did you mean "floor"?)`},
		{"far off", "address = 1\n", UnknownField,
			`office.conf:1: unknown field "address" (known: name, counter, floor, hours, phone, bring_in_person, bring_by_proxy, note, open_days, closed_days, reading_time, voice)`},
		{"spaces in key", "bring in person = カード\n", UnknownField,
			`office.conf:1: unknown field "bring in person" (did you mean "bring_in_person"?)`},
		{"language", "name.fr = Mairie\n", UnknownLanguage, `office.conf:1: unknown language in "name.fr" (use key, key.ja or key.en)`},
		{"no equals", "name 市役所\n", MissingEquals, `office.conf:1: missing "=" after "name" (write key = value)`},
		{"no key", " = 市役所\n", MissingKey, `office.conf:1: missing field name before "=" (write key = value)`},
		{"duplicate", "name = a\nfloor = 1\nname = b\n", Duplicate, `office.conf:3: field "name" is set twice (first on line 1)`},
		{"duplicate ja", "name = a\nname.ja = b\n", Duplicate, `office.conf:2: field "name.ja" is set twice (first on line 1)`},
		{"empty", "name =   \n", EmptyValue, `office.conf:1: field "name" has no value (delete the line or write a value after "=")`},
		{"long", "note = " + strings.Repeat("あ", MaxValueRune+1) + "\n", TooLong, `office.conf:1: field "note" is longer than 500 characters`},
		{"control", "note = a\x1bb\n", ControlChar, `office.conf:1: field "note" contains a control character`},
		{"shift_jis", "name = \x8es\x96\xf0\x8f\x8a\n", BadUTF8, `office.conf:1: not UTF-8 text (save the file as UTF-8)`},
		{"utf16", "\xff\xfen\x00a\x00", UTF16, `office.conf: saved as UTF-16 (save the file as UTF-8)`},
		{"nothing", "# only comments\n\n", NoFields, `office.conf: no field is set (known: name, counter, floor, hours, phone, bring_in_person, bring_by_proxy, note, open_days, closed_days, reading_time, voice)`},
		{"english only", "phone = 1\nname.en = City Hall\n", OnlyEnglish, `office.conf:2: "name.en" is set without the Japanese text (add "name")`},
		{"reading time", "reading_time = a minute\n", BadSetting, `office.conf:1: "a minute" in "reading_time" is not a number of seconds from 1 to 600 (e.g. reading_time = 60)`},
		{"voice", "voice = loud\n", BadSetting, `office.conf:1: "loud" in "voice" is neither on nor off`},
		{"voice twice", "voice = on\nvoice = off\n", Duplicate, `office.conf:2: field "voice" is set twice (first on line 1)`},
		{"too big", strings.Repeat("#\n", MaxFileSize/2+1), TooBig, `office.conf: larger than 64 KiB; an office file is a few short lines`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("office.conf", []byte(tt.text))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse = %v, want an *Error", err)
			}
			if e.Kind != tt.kind || err.Error() != tt.msg {
				t.Errorf("got %s: %q\nwant %s: %q", e.Kind, err, tt.kind, tt.msg)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "office.conf")
	if err := os.WriteFile(path, []byte("counter = 市民課\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o, err := Load(path)
	if err != nil || o.Counter.Ja != "市民課" {
		t.Fatalf("Load = %+v, %v", o, err)
	}
	if _, err := Load(filepath.Join(dir, "missing.conf")); err == nil || !strings.Contains(err.Error(), "missing.conf") {
		t.Errorf("Load of a missing file = %v", err)
	}
}

func TestTextIn(t *testing.T) {
	if got := (Text{Ja: "市民課"}).In("en"); got != "市民課" {
		t.Errorf("English falls back to %q", got)
	}
	if got := (Text{Ja: "市民課", En: "Citizens"}).In("ja"); got != "市民課" {
		t.Errorf("Japanese = %q", got)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(exampleConf)
	f.Add([]byte("name = a\nname.en = b\n"))
	f.Add([]byte("\uFEFFfloor＝2階\r\n"))
	f.Add([]byte("name = a\nname = b\n"))
	f.Add([]byte("flor = 1"))
	f.Add([]byte("open_days = 2027-03-27, 2027-04-03\nclosed_days = 2027-08-13..2027-08-16\n"))
	f.Add([]byte("closed_days = ２０２７－０８－１３〜2027-08-20、2027-09-01\nopen_days = 2027-08-15\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		o, err := Parse("fuzz.conf", data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if lines := strings.Count(string(data), "\n") + 1; e.Line < 0 || e.Line > lines {
				t.Fatalf("error on line %d of a %d-line file: %v", e.Line, lines, err)
			}
			if e.Kind.String() == "" || strings.HasPrefix(e.Kind.String(), "ErrorKind(") {
				t.Fatalf("unnamed kind: %v", err)
			}
			return
		}
		for _, k := range Keys {
			if o.field(k) == nil {
				continue
			}
			for _, v := range []string{o.field(k).Ja, o.field(k).En} {
				if strings.ContainsAny(v, "\n\r") || strings.TrimSpace(v) != v {
					t.Fatalf("%s = %q", k, v)
				}
			}
		}
		back, err := Parse("again", o.Format())
		if err != nil || !reflect.DeepEqual(back, o) {
			t.Fatalf("round trip: %+v, %v; want %+v", back, err, o)
		}
	})
}
