package textenc

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// encode converts UTF-8 test text to enc, failing the test on error.
func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

func TestDetect(t *testing.T) {
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	manyUTF8 := strings.Repeat("Grüße aus München, ", 20)
	split := []byte(manyUTF8 + "бо\xd0\r\n \xbbлее\r\n")
	truncated := []byte("Straße München ä")
	truncated = truncated[:len(truncated)-1] // cut inside the 2-byte 'ä'

	tests := []struct {
		name      string
		in        []byte
		want      string
		bom       bool
		confident bool
	}{
		{"empty", nil, UTF8, false, false},
		{"ascii", []byte("First Name,Last Name\r\nJohn,Doe\r\n"), UTF8, false, false},
		{"utf8", []byte("Vorname;Nachname\nJürgen;Weiß\n"), UTF8, false, true},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, "Name\n"...), UTF8, true, true},
		{"utf16le bom", append([]byte{0xFF, 0xFE}, encode(t, utf16le, "Name\n")...), UTF16LE, true, true},
		{"utf16be bom", append([]byte{0xFE, 0xFF}, encode(t, utf16be, "Name\n")...), UTF16BE, true, true},
		{"utf16le no bom", encode(t, utf16le, "BEGIN:VCARD\r\nN:Müller;Jürgen\r\n"), UTF16LE, false, true},
		{"utf16be no bom", encode(t, utf16be, "BEGIN:VCARD\r\nN:Ľuboš;Ǽgean\r\n"), UTF16BE, false, true},
		{"utf8 truncated at end of sample", truncated, UTF8, false, true},
		{"utf8 with a fold inside a character", split, UTF8, false, false},
		{"windows-1252 german", encode(t, charmap.Windows1252, "Vorname;Nachname\nJürgen;Weiß\nÖzdemir;Üglü\n"), Windows1252, false, true},
		{"windows-1252 euro and quotes", encode(t, charmap.Windows1252, "Preis: 5 € „Angebot“ für Müller\n"), Windows1252, false, true},
		{"latin-1 swedish at line end", encode(t, charmap.ISO8859_1, "SUMMARY:Event Två\n"), Windows1252, false, true},
		{"windows-1252 french", encode(t, charmap.Windows1252, "Société Générale, élève, à côté\n"), Windows1252, false, true},
		{"shift_jis kanji and kana", encode(t, japanese.ShiftJIS, "名前,メール\r\n山田太郎,やまだ@example.jp\r\n"), ShiftJIS, false, true},
		{"shift_jis half-width kana", encode(t, japanese.ShiftJIS, "SOUND;X-IRMC-N:ｱﾝﾄﾞ;ﾛｲﾄﾞ;;;\r\n"), ShiftJIS, false, true},
		{"shift_jis katakana with ascii trail bytes", encode(t, japanese.ShiftJIS, "N:安藤ロイド;;;;\r\n"), ShiftJIS, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Detect(tt.in)
			want := Detection{Name: tt.want, BOM: tt.bom, Confident: tt.confident}
			if got != want {
				t.Errorf("Detect(%q) = %+v, want %+v", tt.in, got, want)
			}
		})
	}
}

func TestDetectCutsLongSamples(t *testing.T) {
	// Invalid bytes beyond SampleSize must not influence the result.
	in := append(bytes.Repeat([]byte("ä"), SampleSize/2), 0xFF, 0xFE, 0xFD)
	if got := Detect(in); got.Name != UTF8 || !got.Confident {
		t.Errorf("Detect = %+v, want confident utf-8", got)
	}
}
