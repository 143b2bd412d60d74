package textenc

import (
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// utf8Fallback is a transformer that copies valid UTF-8 and decodes every
// byte that is not part of a valid sequence as Windows-1252.
type utf8Fallback struct{ transform.NopResetter }

// Transform implements transform.Transformer.
func (utf8Fallback) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		if c < utf8.RuneSelf {
			// Copy a run of ASCII at once.
			end := nSrc + 1
			for end < len(src) && src[end] < utf8.RuneSelf && end-nSrc < len(dst)-nDst {
				end++
			}
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += copy(dst[nDst:], src[nSrc:end])
			nSrc = end
			continue
		}
		r, size := utf8.DecodeRune(src[nSrc:])
		if r == utf8.RuneError && size <= 1 {
			if !atEOF && !utf8.FullRune(src[nSrc:]) {
				return nDst, nSrc, transform.ErrShortSrc // wait for the rest of the sequence
			}
			r, size = charmap.Windows1252.DecodeByte(c), 1
			if nDst+utf8.RuneLen(r) > len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += utf8.EncodeRune(dst[nDst:], r)
			nSrc += size
			continue
		}
		if nDst+size > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], src[nSrc:nSrc+size])
		nSrc += size
	}
	return nDst, nSrc, nil
}
