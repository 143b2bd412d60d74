package textenc

import (
	"bytes"
	"unicode/utf8"
)

// SampleSize is the number of leading bytes Detect examines and NewReader
// buffers before deciding.
const SampleSize = 64 << 10

// Detection is the result of sniffing a sample.
type Detection struct {
	// Name is the canonical charset name: "utf-8", "utf-16le", "utf-16be",
	// "windows-1252" or "shift_jis".
	Name string
	// BOM reports that the sample starts with a byte order mark of Name.
	BOM bool
	// Confident is false when the evidence was thin: an all-ASCII sample
	// (reported as UTF-8), UTF-8 with a few invalid sequences, or a close
	// call between Shift_JIS and Windows-1252.
	Confident bool
}

// Byte order marks.
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Detect sniffs a sample (the first up to 64 KiB of a file; longer samples
// are cut) and reports its charset. In order it recognises byte order marks;
// UTF-16 LE/BE without a BOM from the pattern of NUL bytes; UTF-8 (an
// incomplete sequence cut off at the end of the sample is ignored, and a few
// invalid bytes among many valid multi-byte sequences are tolerated, as
// happens when a vCard folds a line inside a character); and finally decides
// between Shift_JIS and Windows-1252 by scoring both interpretations.
func Detect(sample []byte) Detection {
	if len(sample) > SampleSize {
		sample = sample[:SampleSize]
	}
	switch {
	case bytes.HasPrefix(sample, bomUTF8):
		return Detection{Name: UTF8, BOM: true, Confident: true}
	case bytes.HasPrefix(sample, bomUTF16LE):
		return Detection{Name: UTF16LE, BOM: true, Confident: true}
	case bytes.HasPrefix(sample, bomUTF16BE):
		return Detection{Name: UTF16BE, BOM: true, Confident: true}
	}
	if name, ok := sniffUTF16(sample); ok {
		return Detection{Name: name, Confident: true}
	}
	multi, invalid := utf8Stats(sample)
	switch {
	case invalid == 0:
		// All ASCII is valid UTF-8 but says nothing about the rest of the file.
		return Detection{Name: UTF8, Confident: multi > 0}
	case multi > 0 && invalid*8 <= multi:
		return Detection{Name: UTF8}
	}
	return detectLegacy(sample)
}

// sniffUTF16 recognises BOM-less UTF-16 from NUL bytes: text that is mostly
// ASCII has a NUL in every high byte, i.e. at even offsets for big-endian
// and odd offsets for little-endian.
func sniffUTF16(s []byte) (string, bool) {
	pairs := len(s) / 2
	if pairs < 2 {
		return "", false
	}
	var evenNUL, oddNUL int
	for i := 0; i+1 < len(s); i += 2 {
		if s[i] == 0 {
			evenNUL++
		}
		if s[i+1] == 0 {
			oddNUL++
		}
	}
	// At least 30% of the code units look like Latin text, and the other
	// half of the pairs almost never holds a NUL.
	switch {
	case evenNUL*10 >= pairs*3 && oddNUL*20 <= pairs:
		return UTF16BE, validUTF16(s, false)
	case oddNUL*10 >= pairs*3 && evenNUL*20 <= pairs:
		return UTF16LE, validUTF16(s, true)
	}
	return "", false
}

// validUTF16 reports whether s holds no unpaired surrogates (a truncated
// final code unit or surrogate pair is allowed).
func validUTF16(s []byte, little bool) bool {
	unit := func(i int) uint16 {
		if little {
			return uint16(s[i]) | uint16(s[i+1])<<8
		}
		return uint16(s[i])<<8 | uint16(s[i+1])
	}
	n := len(s) / 2 * 2
	for i := 0; i+1 < n; i += 2 {
		u := unit(i)
		switch {
		case u >= 0xD800 && u < 0xDC00:
			if i+3 >= n {
				return true // pair cut off by the end of the sample
			}
			if v := unit(i + 2); v < 0xDC00 || v > 0xDFFF {
				return false
			}
			i += 2
		case u >= 0xDC00 && u <= 0xDFFF:
			return false
		}
	}
	return true
}

// utf8Stats counts valid multi-byte UTF-8 sequences and invalid bytes in s.
// A sequence cut off by the end of the sample counts as neither.
func utf8Stats(s []byte) (multi, invalid int) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && size <= 1 {
			if !utf8.FullRune(s[i:]) && len(s)-i < utf8.UTFMax {
				break // truncated at the end of the sample
			}
			invalid++
			i++
			continue
		}
		multi++
		i += size
	}
	return multi, invalid
}
