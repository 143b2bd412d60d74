package textenc

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

// addCorpusSeeds adds every corpus file (cut to 4 KiB) as a fuzz seed.
func addCorpusSeeds(f *testing.F) {
	dir := corpusDir(f)
	for _, sub := range []string{"csv", "vcard", "ical"} {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			f.Fatal(err)
		}
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(dir, sub, e.Name()))
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b[:min(len(b), 4096)])
		}
	}
}

// FuzzDetect checks that Detect never panics, that NewReader always yields
// valid UTF-8 without error, and that reading in odd chunk sizes gives the
// same text as reading at once.
func FuzzDetect(f *testing.F) {
	addCorpusSeeds(f)
	f.Add([]byte{0xFF, 0xFE})
	f.Add([]byte{0x00, 'A', 0xD8, 0x00})
	f.Fuzz(func(t *testing.T, in []byte) {
		d := Detect(in)
		if _, err := Lookup(d.Name); err != nil {
			t.Fatalf("Detect gave unknown name %q", d.Name)
		}
		r, d2, err := NewReader(bytes.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		if d2 != d {
			t.Fatalf("NewReader detection %+v != Detect %+v", d2, d)
		}
		whole, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(whole) {
			t.Fatalf("output is not UTF-8: %q", whole)
		}
		r, _, err = NewReader(iotest.OneByteReader(bytes.NewReader(in)))
		if err != nil {
			t.Fatal(err)
		}
		bytewise, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(whole, bytewise) {
			t.Fatalf("chunked read differs:\n%q\n%q", whole, bytewise)
		}
		if s, err := DecodeBytes(in, d.Name); err != nil || !utf8.ValidString(s) {
			t.Fatalf("DecodeBytes(%s) = %q, %v", d.Name, s, err)
		}
	})
}
