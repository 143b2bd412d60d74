package textenc

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

func TestDecodeBytes(t *testing.T) {
	le := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	be := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	tests := []struct {
		name    string
		in      []byte
		charset string
		want    string
	}{
		{"utf-8 strips bom", []byte("\xEF\xBB\xBFJürgen"), "UTF-8", "Jürgen"},
		{"utf-8 invalid becomes U+FFFD", []byte("a\xFFb"), "utf-8", "a\uFFFDb"},
		{"windows-1252", encode(t, charmap.Windows1252, "Weiß €"), "cp1252", "Weiß €"},
		{"shift_jis", encode(t, japanese.ShiftJIS, "権兵衛"), "SJIS", "権兵衛"},
		{"utf-16le strips bom", append([]byte{0xFF, 0xFE}, encode(t, le, "Zoë")...), "utf-16le", "Zoë"},
		{"utf-16be strips bom", append([]byte{0xFE, 0xFF}, encode(t, be, "Zoë")...), "UTF-16BE", "Zoë"},
		{"utf-16 with le bom", append([]byte{0xFF, 0xFE}, encode(t, le, "Zoë")...), "UTF-16", "Zoë"},
		{"utf-16 sniffed le", encode(t, le, "Name,Zoë"), "UTF-16", "Name,Zoë"},
		{"utf-16 defaults to be", encode(t, be, "日本語"), "UTF-16", "日本語"},
		{"iso-8859-2", []byte("Iksi\xF1ski"), "ISO-8859-2", "Iksiński"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeBytes(tt.in, tt.charset)
			if err != nil || got != tt.want {
				t.Errorf("DecodeBytes = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	if _, err := DecodeBytes([]byte("x"), "nope"); !errors.Is(err, ErrUnknownCharset) {
		t.Errorf("unknown charset: err = %v", err)
	}
}

func TestNewReader(t *testing.T) {
	le := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	tests := []struct {
		name string
		in   []byte
		want string
		det  Detection
	}{
		{"utf-8 bom", []byte("\xEF\xBB\xBFName\nJürgen\n"), "Name\nJürgen\n", Detection{UTF8, true, true}},
		{"utf-16le bom", append([]byte{0xFF, 0xFE}, encode(t, le, "Name\r\nZoë\r\n")...), "Name\r\nZoë\r\n", Detection{UTF16LE, true, true}},
		{"windows-1252", encode(t, charmap.Windows1252, "Name;Ort\nWeiß;München\n"), "Name;Ort\nWeiß;München\n", Detection{Windows1252, false, true}},
		{"shift_jis", encode(t, japanese.ShiftJIS, "名前\r\n名無しの権兵衛\r\n"), "名前\r\n名無しの権兵衛\r\n", Detection{ShiftJIS, false, true}},
		{"empty", nil, "", Detection{UTF8, false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, det, err := NewReader(iotest.OneByteReader(bytes.NewReader(tt.in)))
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(r)
			if err != nil || string(got) != tt.want || det != tt.det {
				t.Errorf("got %q, %+v, %v; want %q, %+v", got, det, err, tt.want, tt.det)
			}
		})
	}
}

// An ASCII sample followed by Windows-1252 bytes beyond SampleSize must not
// lose those bytes: the UTF-8 reader falls back to Windows-1252 per byte.
func TestNewReaderFallsBackAfterSample(t *testing.T) {
	head := strings.Repeat("Name,Email\n", SampleSize/11+10)
	in := append([]byte(head), "M\xFCller,\xE4@example.com\n\xC4\xE4\xC3\xA4\n"...)
	r, det, err := NewReader(iotest.HalfReader(bytes.NewReader(in)))
	if err != nil {
		t.Fatal(err)
	}
	if det != (Detection{Name: UTF8}) {
		t.Errorf("detection = %+v", det)
	}
	got, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if want := head + "Müller,ä@example.com\nÄää\n"; string(got) != want {
		t.Errorf("tail = %q", string(got[len(head):]))
	}
}

func TestNewReaderPropagatesReadErrors(t *testing.T) {
	boom := errors.New("disk on fire")
	if _, _, err := NewReader(iotest.ErrReader(boom)); !errors.Is(err, boom) {
		t.Errorf("err = %v, want wrapped %v", err, boom)
	}
}

func TestNewDecodingReader(t *testing.T) {
	le := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	tests := []struct {
		name, charset string
		in            []byte
		want          string
	}{
		{"utf-16 bom", "utf-16", append([]byte{0xFF, 0xFE}, encode(t, le, "Zoë")...), "Zoë"},
		{"utf-8 bom", "utf-8", []byte("\xEF\xBB\xBFZoë"), "Zoë"},
		{"forced latin1", "latin1", []byte("Zo\xEB"), "Zoë"},
	}
	for _, tt := range tests {
		r, err := NewDecodingReader(bytes.NewReader(tt.in), tt.charset)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got, err := io.ReadAll(r)
		if err != nil || string(got) != tt.want {
			t.Errorf("%s: got %q, %v", tt.name, got, err)
		}
	}
	if _, err := NewDecodingReader(bytes.NewReader(nil), "bogus"); !errors.Is(err, ErrUnknownCharset) {
		t.Errorf("bogus charset: %v", err)
	}
}
