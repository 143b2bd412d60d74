package phone

import "strings"

// readings returns the texts worth handing to libphonenumber for one cleaned
// input, most plausible first. Besides the text itself they are:
//
//   - the text without a trailing note, when letters follow the last digit
//     ("030 1234567 (Büro)", "0171 1234567 mobil"). It comes first because
//     libphonenumber would otherwise read three or more letters as a vanity
//     number and turn the note into keypad digits. True vanity numbers
//     ("1-800-FLOWERS") are still found through the full text.
//   - the same texts with a leading "00" written as "+": without a default
//     region "00" is the only international prefix understood; with one it
//     rescues "0049 30 …" typed in a region whose prefix is not 00 (US: 011).
//     A "+00" typo loses its zeros.
func readings(text, region string) []string {
	out := make([]string, 0, 4)
	if last := strings.LastIndexFunc(text, isASCIIDigit); last >= 0 && hasLetter(text[last+1:]) {
		out = append(out, text[:last+1])
	}
	out = append(out, text)
	if region == "" {
		for i, r := range out {
			out[i] = plusForDoubleZero(r)
		}
		return out
	}
	for _, r := range out {
		if p := plusForDoubleZero(r); p != r {
			out = append(out, p)
		}
	}
	return out
}

// plusForDoubleZero rewrites a leading "00" international prefix as "+",
// ignoring whatever precedes the first digit ("tel:", "(", spaces), and
// mends the common "+0049" into "+49". "000…" is left alone: no country
// calling code starts with 0.
func plusForDoubleZero(s string) string {
	i := strings.IndexFunc(s, isASCIIDigit)
	if i < 0 || !strings.HasPrefix(s[i:], "00") || strings.HasPrefix(s[i:], "000") {
		return s
	}
	if strings.ContainsRune(s[:i], '+') {
		return s[:i] + s[i+2:]
	}
	return s[:i] + "+" + s[i+2:]
}

// isASCIIDigit reports whether r is one of '0'…'9'.
func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }
