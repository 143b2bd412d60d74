package csvimport

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzRead feeds arbitrary bytes through Open, Next, DetectProfile and
// ToRecord, with default and with tiny limits. It checks that nothing
// panics, that only row errors (never other errors) come back, that every
// call makes progress (line numbers strictly increase), that limits hold and
// that all text is valid UTF-8.
func FuzzRead(f *testing.F) {
	dir := filepath.Join(corpusDir(f), "csv")
	entries, err := os.ReadDir(dir)
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, uint8(0))
		f.Add(b, uint8(1))
	}
	for _, s := range []string{"a,b\n\"x", "\"", "a;\"b\"\"c\"d;e\r\n\r\n", "x\r\"y\r", "\xff\xfe\x00", "\"a\"\"\n\"\"\"\n\n,", "a\tb\n\"\t\"\t\""} {
		f.Add([]byte(s), uint8(0))
	}
	f.Fuzz(func(t *testing.T, in []byte, mode uint8) {
		opts := Options{Header: HeaderMode(mode % 3)}
		if mode&4 != 0 {
			opts.MaxFieldBytes, opts.MaxRowBytes = 64, 256
		}
		r, err := Open(bytes.NewReader(in), opts)
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		for _, h := range r.Header() {
			if !utf8.ValidString(h) {
				t.Fatalf("header not UTF-8: %q", h)
			}
		}
		_, m := DetectProfile(r.Header())
		lastLine, calls := 0, 0
		maxCalls := bytes.Count(in, []byte{'\n'}) + bytes.Count(in, []byte{'\r'}) + 2
		for {
			calls++
			if calls > maxCalls+1 {
				t.Fatalf("more than %d results from %d bytes", maxCalls, len(in))
			}
			row, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			var rowErr *RowError
			if errors.As(err, &rowErr) {
				if rowErr.Line <= lastLine {
					t.Fatalf("row error at line %d after line %d", rowErr.Line, lastLine)
				}
				lastLine = rowErr.Line
				continue
			}
			if err != nil {
				t.Fatalf("Next: %v", err)
			}
			if row.Line <= lastLine {
				t.Fatalf("row at line %d after line %d", row.Line, lastLine)
			}
			lastLine = row.Line
			size := 0
			for _, f := range row.Fields {
				if !utf8.ValidString(f) {
					t.Fatalf("field not UTF-8: %q", f)
				}
				if opts.MaxFieldBytes > 0 && len(f) > opts.MaxFieldBytes {
					t.Fatalf("field of %d bytes over the %d limit", len(f), opts.MaxFieldBytes)
				}
				size += len(f)
			}
			if opts.MaxRowBytes > 0 && size > opts.MaxRowBytes {
				t.Fatalf("row of %d bytes over the %d limit", size, opts.MaxRowBytes)
			}
			rec, _ := ToRecord(row, m)
			_ = rec.IsEmpty()
		}
	})
}
