package vcard

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// encodeString encodes c to version and fails on error.
func encodeString(t *testing.T, c *Card, version string) string {
	t.Helper()
	out, err := Marshal(c, version)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestFolding: lines are folded at 75 octets without splitting UTF-8.
func TestFolding(t *testing.T) {
	for _, value := range []string{
		strings.Repeat("a", 200),
		strings.Repeat("ä", 100),
		strings.Repeat("安", 100),
		strings.Repeat("😀x", 60),
		"x" + strings.Repeat("€", 80),
	} {
		c := &Card{}
		c.Add(NewProperty("NOTE", value))
		out := encodeString(t, c, Version40)
		for i, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
			if len(line) > 75 {
				t.Errorf("line %d: %d octets", i, len(line))
			}
			if !utf8.ValidString(line) {
				t.Errorf("line %d splits a UTF-8 sequence: %q", i, line)
			}
		}
		back, _ := decodeString(t, out)
		if got := back[0].Value("NOTE"); got != value {
			t.Errorf("round trip: %q", got)
		}
	}
}

// TestSerialisation covers escaping, quoting and version conversions of
// properties built in memory.
func TestSerialisation(t *testing.T) {
	label := NewProperty("ADR", "")
	label.SetComponents([][]string{{""}, {""}, {"Main St 1", "Floor 2"}, {"Town; North"}, {""}, {"123"}, {"X"}})
	label.AddParam("TYPE", "work")
	label.AddParam("LABEL", "Main St 1\nTown \"North\"")
	photo := NewProperty("PHOTO", "")
	photo.SetData("image/png", []byte("\x89PNG\r\n\x1a\nDATA"))
	pref := NewProperty("EMAIL", "a@b.c")
	pref.AddParam("TYPE", "work", "pref")
	pref4 := NewProperty("TEL", "+1")
	pref4.AddParam("PREF", "2")
	cats := NewProperty("CATEGORIES", "")
	cats.SetValues("a,b", "c")
	tests := []struct {
		name    string
		prop    *Property
		version string
		want    string
	}{
		{"text escapes", NewProperty("NOTE", "a,b;c\\d\r\ne\nf"), Version30, `NOTE:a\,b\;c\\d\ne\nf`},
		{"structured", label, Version40, `ADR;TYPE=work;LABEL=Main St 1^nTown ^'North^':;;Main St 1,Floor 2;Town\; North;;123;X`},
		{"photo 3.0", photo, Version30, "PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgpEQVRB"},
		{"photo 4.0", photo, Version40, "PHOTO:data:image/png;base64,iVBORw0KGgpEQVRB"},
		{"TYPE=pref to 4.0", pref, Version40, "EMAIL;TYPE=work;PREF=1:a@b.c"},
		{"TYPE=pref stays in 3.0", pref, Version30, "EMAIL;TYPE=work,pref:a@b.c"},
		{"PREF to 3.0", pref4, Version30, "TEL;TYPE=pref:+1"},
		{"PREF kept in 4.0", pref4, Version40, "TEL;PREF=2:+1"},
		{"list", cats, Version30, `CATEGORIES:a\,b,c`},
		{"group", &Property{Group: "item1", Name: "X-ABLABEL", RawName: "X-ABLabel", Value: "_$!<Other>!$_"}, Version30, "item1.X-ABLabel:_$!<Other>!$_"},
		{"URI not escaped", NewProperty("URL", "http://x.y/a,b;c"), Version30, "URL:http://x.y/a,b;c"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &Card{}
			c.Add(tc.prop)
			out := encodeString(t, c, tc.version)
			lines := logicalLines([]byte(out))
			if len(lines) != 4 || lines[2] != tc.want {
				t.Fatalf("got\n%s\nwant line %q", out, tc.want)
			}
			back, probs := decodeString(t, out)
			if len(probs) != 0 {
				t.Fatal(probs)
			}
			compareCards(t, tc.name, c, back[0])
		})
	}
}

// TestVersionConversion converts an Outlook 2.1 card to 3.0 and 4.0.
func TestVersionConversion(t *testing.T) {
	c := one(t, "ezvcard__John_Doe_MS_OUTLOOK.vcf")
	out3 := encodeString(t, c, Version30)
	out4 := encodeString(t, c, Version40)
	for _, want := range []string{
		"TEL;TYPE=WORK,VOICE:(905) 555-1234",
		`LABEL;TYPE=WORK,PREF:Cresent moon drive\nAlbaney\, New York  12345`,
		"PHOTO;ENCODING=b;TYPE=JPEG:/9j/",
		"X-MS-OL-DESIGN:<card xmlns=",
	} {
		if !strings.Contains(strings.Join(logicalLines([]byte(out3)), "\n"), want) {
			t.Errorf("3.0 output lacks %q", want)
		}
	}
	for _, want := range []string{
		"VERSION:4.0",
		"TEL;TYPE=WORK,VOICE:(905) 555-1234",
		"ADR;TYPE=WORK;PREF=1:;;Cresent moon drive;",
		"PHOTO:data:image/jpeg;base64,/9j/",
	} {
		if !strings.Contains(strings.Join(logicalLines([]byte(out4)), "\n"), want) {
			t.Errorf("4.0 output lacks %q", want)
		}
	}
	if strings.Contains(out3, "QUOTED-PRINTABLE") || strings.Contains(out3, "CHARSET") || strings.Contains(out4, "ENCODING") {
		t.Errorf("transfer encodings left in output")
	}
	lines := logicalLines([]byte(out4))
	if lines[1] != "VERSION:4.0" {
		t.Errorf("4.0 VERSION not first: %q", lines[1])
	}
}

// TestVersionPlacement: 3.0 keeps VERSION where it was; a card without one
// gets it after BEGIN.
func TestVersionPlacement(t *testing.T) {
	c := one(t, "kcontacts__vcard8.vcf")
	lines := logicalLines([]byte(encodeString(t, c, Version30)))
	if lines[5] != "VERSION:3.0" {
		t.Errorf("VERSION moved: %q", lines)
	}
	c = one(t, "kcontacts__vcard4.vcf")
	lines = logicalLines([]byte(encodeString(t, c, Version30)))
	if lines[1] != "VERSION:3.0" {
		t.Errorf("VERSION not inserted: %q", lines)
	}
}

// TestEncodeErrors covers bad versions, bad names and writer failures.
func TestEncodeErrors(t *testing.T) {
	c := &Card{}
	c.Add(NewProperty("FN", "x"))
	if _, err := Marshal(c, "2.1"); !errors.Is(err, ErrVersion) {
		t.Errorf("2.1: %v", err)
	}
	if _, err := Marshal(nil, Version30); err == nil {
		t.Errorf("nil card accepted")
	}
	bad := &Card{}
	bad.Add(NewProperty("BAD NAME", "x"))
	if _, err := Marshal(bad, Version30); err == nil {
		t.Errorf("invalid name accepted")
	}
	boom := errors.New("boom")
	if err := Encode(failWriter{boom}, c, Version30); !errors.Is(err, boom) {
		t.Errorf("writer error: %v", err)
	}
}

// failWriter fails every write.
type failWriter struct{ err error }

func (w failWriter) Write([]byte) (int, error) { return 0, w.err }

// TestEncodeAll writes several cards that read back.
func TestEncodeAll(t *testing.T) {
	cards, _ := decodeCorpus(t, "aosp__v21_multiple_entry.vcf", Options{})
	var buf bytes.Buffer
	if err := EncodeAll(&buf, cards, Version40); err != nil {
		t.Fatal(err)
	}
	back, probs := decodeString(t, buf.String())
	if len(back) != 3 || len(probs) != 0 {
		t.Fatalf("%d cards, %v", len(back), probs)
	}
	for i := range cards {
		compareCards(t, "card", cards[i], back[i])
	}
}
