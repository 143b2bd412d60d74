package textenc

import (
	"errors"
	"testing"
)

func TestLookupAndCanonicalName(t *testing.T) {
	tests := []struct {
		label string
		want  string
	}{
		{"UTF-8", UTF8}, {"utf8", UTF8}, {" \"Utf-8\" ", UTF8},
		{"UTF-16", UTF16}, {"UTF-16LE", UTF16LE}, {"utf-16be", UTF16BE}, {"UCS-2", UTF16},
		{"SHIFT_JIS", ShiftJIS}, {"sjis", ShiftJIS}, {"cp932", ShiftJIS}, {"Windows-31J", ShiftJIS}, {"x-sjis", ShiftJIS},
		{"ISO-8859-1", ISO88591}, {"latin1", ISO88591}, {"ISO_8859-1:1987", ISO88591},
		{"windows-1252", Windows1252}, {"CP1252", Windows1252}, {"us-ascii", Windows1252}, {"ASCII", Windows1252},
		{"ISO-8859-2", "iso-8859-2"}, {"euc-jp", "euc-jp"}, {"KOI8-R", "koi8-r"}, {"windows-1251", "windows-1251"},
		{"IBM437", "ibm437"},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			enc, err := Lookup(tt.label)
			if err != nil || enc == nil {
				t.Fatalf("Lookup(%q) = %v, %v", tt.label, enc, err)
			}
			name, err := CanonicalName(tt.label)
			if err != nil || name != tt.want {
				t.Errorf("CanonicalName(%q) = %q, %v; want %q", tt.label, name, err, tt.want)
			}
		})
	}
}

func TestLookupUnknown(t *testing.T) {
	for _, label := range []string{"", "  ", "klingon-8", "utf-9"} {
		if enc, err := Lookup(label); err == nil || !errors.Is(err, ErrUnknownCharset) {
			t.Errorf("Lookup(%q) = %v, %v; want ErrUnknownCharset", label, enc, err)
		}
	}
}

func TestLatin1LabelsDecodeAsWindows1252(t *testing.T) {
	for _, label := range []string{"iso-8859-1", "latin1", "us-ascii"} {
		got, err := DecodeBytes([]byte{'5', ' ', 0x80, ' ', 0xE9, 0x94}, label)
		if err != nil || got != "5 € é”" {
			t.Errorf("DecodeBytes(%s) = %q, %v", label, got, err)
		}
	}
}
