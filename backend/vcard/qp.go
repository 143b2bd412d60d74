package vcard

// decodeQP decodes a quoted-printable value leniently: "=XY" (either case)
// is a byte, "=" before a line break (optionally after spaces) is a soft
// break, a trailing "=" is dropped, raw line breaks left over from joined
// physical lines are dropped, and any other "=" is kept literally. It
// reports whether anything malformed was seen.
func decodeQP(src []byte) (out []byte, malformed bool) {
	out = make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '=':
			if i+2 < len(src) {
				if h, ok := unhex(src[i+1]); ok {
					if l, ok := unhex(src[i+2]); ok {
						out = append(out, h<<4|l)
						i += 2
						continue
					}
				}
			}
			// Soft line break: "=" [spaces] (CRLF | LF | CR | end).
			j := i + 1
			for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
				j++
			}
			if j == len(src) {
				i = j - 1
				continue
			}
			if src[j] == '\r' || src[j] == '\n' {
				for j < len(src) && (src[j] == '\r' || src[j] == '\n') {
					j++
				}
				i = j - 1
				continue
			}
			malformed = true
			out = append(out, c)
		case '\r', '\n':
			// A line break not announced by "=": drop it.
		default:
			out = append(out, c)
		}
	}
	return out, malformed
}

// unhex decodes one hexadecimal digit.
func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	}
	return 0, false
}
