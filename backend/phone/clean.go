package phone

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxRawLen bounds the input that is examined at all. libphonenumber rejects
// anything over 250 bytes; the slack allows for multi-byte digits and
// invisible characters that cleaning removes.
const maxRawLen = 1024

// clean prepares raw text for libphonenumber: decimal digits of every script
// become ASCII digits, whitespace and invalid bytes become spaces, control and
// invisible formatting characters (zero-width space, byte-order mark,
// direction marks) are dropped and the full-width plus becomes "+".
func clean(raw string) string {
	var b strings.Builder
	b.Grow(len(raw))
	for i, r := range raw {
		switch {
		case r == utf8.RuneError && isInvalidByte(raw, i):
			b.WriteByte(' ')
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '＋':
			b.WriteByte('+')
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			// dropped: NUL, C1 controls, ZWSP, BOM, LRM/RLM, soft hyphen…
		case unicode.IsDigit(r):
			if d, ok := digitValue(r); ok {
				b.WriteByte(byte('0' + d))
			} else {
				b.WriteByte(' ')
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isInvalidByte reports whether the RuneError at byte offset i of s stands for
// an invalid byte rather than a literal U+FFFD.
func isInvalidByte(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 1
}

// digitValue returns the numeric value (0–9) of a Unicode decimal digit (class
// Nd) of any script, such as '৭' (Bengali seven) or '７' (full-width seven).
// Unicode guarantees that decimal digits are encoded in contiguous runs of
// ten starting at zero, so the value is the offset within the run; the Go
// tables may merge adjacent runs, which keeps that property.
func digitValue(r rune) (int, bool) {
	for _, rg := range unicode.Nd.R16 {
		if r < rune(rg.Lo) {
			return 0, false
		}
		if r <= rune(rg.Hi) {
			return digitIn(r, rune(rg.Lo), rune(rg.Stride))
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if r < rune(rg.Lo) {
			return 0, false
		}
		if r <= rune(rg.Hi) {
			return digitIn(r, rune(rg.Lo), rune(rg.Stride))
		}
	}
	return 0, false
}

// digitIn returns the value of r inside a range of decimal digits starting at
// lo; ranges with a stride other than one are not runs of digits.
func digitIn(r, lo, stride rune) (int, bool) {
	if stride != 1 {
		return 0, false
	}
	return int((r - lo) % 10), true
}

// digitsOf returns only the ASCII digits of an already cleaned string.
func digitsOf(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// hasLetter reports whether s contains a letter of any script.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}
