package textenc

import (
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/transform"
)

// Scores used when weighing Shift_JIS against Windows-1252. An invalid byte
// sequence costs far more than any plausible character earns.
const (
	scoreInvalid     = -10
	scoreStrong      = 2
	scoreWeak        = 1
	scoreSuspicious  = -1
	confidentMargin  = 4
	latinUndefined   = 0
	latinLetter      = 1
	latinPunctuation = 2
	latinOther       = 3
)

// latinClass classifies the Windows-1252 bytes 0x80–0xFF.
var latinClass = func() [128]uint8 {
	var t [128]uint8
	for b := 0x80; b <= 0xFF; b++ {
		c := latinPunctuation
		switch {
		case b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D:
			c = latinUndefined
		case b == 0x8A || b == 0x8C || b == 0x8E || b == 0x9A || b == 0x9C || b == 0x9E || b == 0x9F:
			c = latinLetter // Š Œ Ž š œ ž Ÿ
		case b >= 0xC0 && b != 0xD7 && b != 0xF7:
			c = latinLetter // À–ÿ without × ÷
		case b == 0x83 || b == 0x88 || b == 0x98 || b == 0xA4 || b == 0xA6 || b == 0xA8 ||
			b == 0xAC || b == 0xAD || b == 0xAF || b == 0xB8:
			c = latinOther // ƒ ˆ ˜ ¤ ¦ ¨ ¬ SHY ¯ ¸
		}
		t[b-0x80] = uint8(c)
	}
	return t
}()

// detectLegacy decides between Shift_JIS and Windows-1252 for a sample that
// is not UTF-8.
func detectLegacy(s []byte) Detection {
	latin, latinBad := scoreLatin(s)
	sjis, sjisBad := scoreShiftJIS(s)
	d := Detection{Name: Windows1252}
	if sjis > latin {
		d.Name = ShiftJIS
	}
	diff := sjis - latin
	if diff < 0 {
		diff = -diff
	}
	d.Confident = (latinBad == 0) != (sjisBad == 0) || diff >= confidentMargin
	return d
}

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// scoreLatin scores s read as Windows-1252. Latin text has isolated accented
// letters inside words of ASCII letters; runs of symbols and undefined bytes
// are signs of something else.
func scoreLatin(s []byte) (score, bad int) {
	for i, c := range s {
		if c < 0x80 {
			continue
		}
		prevHigh := i > 0 && s[i-1] >= 0x80
		nextHigh := i+1 < len(s) && s[i+1] >= 0x80
		nearLetter := (i > 0 && isASCIILetter(s[i-1])) || (i+1 < len(s) && isASCIILetter(s[i+1]))
		switch latinClass[c-0x80] {
		case latinUndefined:
			bad++
			score += scoreInvalid
		case latinLetter:
			switch {
			case prevHigh && nextHigh:
				score += scoreSuspicious
			case nearLetter:
				score += scoreStrong
			default:
				score += scoreWeak
			}
		case latinPunctuation:
			if prevHigh || nextHigh {
				score += scoreSuspicious
			}
		default:
			score += scoreSuspicious
		}
	}
	return score, bad
}

// Shift_JIS byte classes.
func sjisLead(c byte) bool     { return (c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC) }
func sjisTrail(c byte) bool    { return c >= 0x40 && c <= 0xFC && c != 0x7F }
func sjisHalfKana(c byte) bool { return c >= 0xA1 && c <= 0xDF }

// isJapanese reports whether r is kana, a CJK ideograph, CJK punctuation or a
// full-width form.
func isJapanese(r rune) bool {
	switch {
	case r >= 0x3000 && r <= 0x30FF: // CJK punctuation, hiragana, katakana
		return true
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF, r >= 0xF900 && r <= 0xFAFF:
		return true
	case r >= 0xFF01 && r <= 0xFF9F: // full-width ASCII and half-width katakana
		return true
	}
	return false
}

// scoreShiftJIS scores s read as Shift_JIS: invalid lead/trail pairs,
// unmapped and private-use characters are penalised; kana and kanji score,
// except a kanji whose trail byte is an ASCII letter right after another
// ASCII letter (the shape "geschä|ftlich" takes when read as Shift_JIS).
func scoreShiftJIS(s []byte) (score, bad int) {
	dec := japanese.ShiftJIS.NewDecoder()
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < 0x80:
			i++
		case sjisHalfKana(c):
			if (i > 0 && sjisHalfKana(s[i-1])) || (i+1 < len(s) && sjisHalfKana(s[i+1])) {
				score += scoreWeak
			} else {
				score += scoreSuspicious
			}
			i++
		case sjisLead(c):
			if i+1 >= len(s) {
				return score, bad // cut off by the end of the sample
			}
			t := s[i+1]
			if !sjisTrail(t) {
				bad++
				score += scoreInvalid
				i++
				continue
			}
			dec.Reset()
			n, _, err := dec.Transform(buf[:], s[i:i+2], true)
			r, _ := utf8.DecodeRune(buf[:n])
			switch {
			case err != nil && err != transform.ErrShortDst, r == utf8.RuneError, r >= 0xE000 && r <= 0xF8FF:
				bad++
				score += scoreInvalid
			case isJapanese(r):
				if t < 0x80 && i > 0 && isASCIILetter(s[i-1]) {
					break
				}
				score += scoreStrong
			}
			i += 2
		default: // 0x80, 0xA0, 0xFD–0xFF
			bad++
			score += scoreInvalid
			i++
		}
	}
	return score, bad
}
