package phone

import (
	"testing"
	"unicode"
)

func TestClean(t *testing.T) {
	cases := map[string]string{
		"০১২৩৪৫৬৭৮৯": "0123456789", // Bengali
		"٠١٢٣٤٥٦٧٨٩": "0123456789", // Arabic-Indic
		"۰۱۲۳۴۵۶۷۸۹": "0123456789", // Extended Arabic-Indic (Persian)
		"०१२३४५६७८९": "0123456789", // Devanagari
		"０１２３４５６７８９": "0123456789", // full width
		"๐๑๒๓๔๕๖๗๘๙": "0123456789", // Thai
		"𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗": "0123456789", // mathematical bold
		"＋49":                   "+49",
		"0\x001\x7f2\u00803":    "0123",
		"0\u00851":              "0 1", // NEL is white space
		"0\t1\n2\r3":            "0 1 2 3",
		"\ufeff0\u200b1\u200e2": "012",
		"0\xff1":                "0 1",
		"0\ufffd1":              "0\ufffd1", // a real replacement character stays
		"1-800-FLOWERS":         "1-800-FLOWERS",
	}
	for in, want := range cases {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDigitValueCoversUnicode checks the assumption digitValue rests on:
// every decimal digit belongs to a stride-1 range whose length is a multiple
// of ten, so the offset modulo ten is the digit's value.
func TestDigitValueCoversUnicode(t *testing.T) {
	for _, r := range unicode.Nd.R16 {
		if r.Stride != 1 || (r.Hi-r.Lo+1)%10 != 0 {
			t.Errorf("Nd range %U-%U stride %d is not made of runs of ten", r.Lo, r.Hi, r.Stride)
		}
	}
	for _, r := range unicode.Nd.R32 {
		if r.Stride != 1 || (r.Hi-r.Lo+1)%10 != 0 {
			t.Errorf("Nd range %U-%U stride %d is not made of runs of ten", r.Lo, r.Hi, r.Stride)
		}
	}
	count := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !unicode.IsDigit(r) {
			continue
		}
		count++
		if _, ok := digitValue(r); !ok {
			t.Errorf("digitValue(%U) not found", r)
		}
	}
	if d, ok := digitValue('a'); ok {
		t.Errorf("digitValue('a') = %d, want not a digit", d)
	}
	t.Logf("%d decimal digits in Unicode %s", count, unicode.Version)
}
