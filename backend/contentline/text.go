package contentline

import "strings"

// Text is the set of byte sequences the helpers accept: a string or a byte
// slice, so one helper serves the string-based iCalendar reader and the
// byte-based vCard parser.
type Text interface{ ~string | ~[]byte }

// UnescapeText decodes TEXT escapes (RFC 5545 3.3.11, RFC 6350 3.4): \n and
// \N become a line feed; \\ \; \, and the non-standard \: become the
// character. Any other backslash is kept as is.
func UnescapeText(s string) string {
	return Unescape(s, '\\', func(n byte) (byte, bool) {
		switch n {
		case 'n', 'N':
			return '\n', true
		case '\\', ',', ';', ':':
			return n, true
		}
		return 0, false
	})
}

// Unescape decodes the two-byte escapes that start with esc: decode maps
// the byte after esc to what the pair stands for, or reports false to keep
// esc as a literal character (the byte after it is then read on its own).
// An esc at the very end is kept.
func Unescape(s string, esc byte, decode func(next byte) (byte, bool)) string {
	i := strings.IndexByte(s, esc)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c == esc && i+1 < len(s) {
			if r, ok := decode(s[i+1]); ok {
				b.WriteByte(r)
				i++
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// TextSpecials are the bytes EscapeText backslash-escapes.
const TextSpecials = `\,;`

// EscapeText encodes s as a TEXT value: backslash, ',' and ';' are escaped
// and line breaks (CRLF, CR, LF) become \n.
func EscapeText(s string) string { return EscapeValue(s, TextSpecials) }

// EscapeValue backslash-escapes the bytes in special and turns every line
// break (CRLF, CR, LF) into \n. With special empty it only escapes line
// breaks.
func EscapeValue(s, special string) string {
	if strings.IndexAny(s, special+"\r\n") < 0 {
		return s
	}
	return string(AppendEscaped(make([]byte, 0, len(s)+8), s, '\\', func(c byte) (byte, bool) {
		return c, strings.IndexByte(special, c) >= 0
	}))
}

// AppendNewlines appends v with every line break (CRLF, CR, LF) written as
// \n and nothing else changed.
func AppendNewlines(b []byte, v string) []byte {
	if !strings.ContainsAny(v, "\r\n") {
		return append(b, v...)
	}
	return AppendEscaped(b, v, '\\', nil)
}

// AppendEscaped appends v with every line break (CRLF, CR, LF) written as
// esc followed by 'n', and every byte c for which encode reports true
// written as esc followed by the byte encode returns. A nil encode escapes
// line breaks only.
func AppendEscaped(b []byte, v string, esc byte, encode func(c byte) (byte, bool)) []byte {
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch c {
		case '\r':
			if i+1 < len(v) && v[i+1] == '\n' {
				i++
			}
			b = append(b, esc, 'n')
			continue
		case '\n':
			b = append(b, esc, 'n')
			continue
		}
		if encode != nil {
			if r, ok := encode(c); ok {
				b = append(b, esc, r)
				continue
			}
		}
		b = append(b, c)
	}
	return b
}

// SplitEscaped splits an escaped value on sep where sep is not preceded by
// an escaping backslash. The parts stay escaped; an empty value gives one
// empty part.
func SplitEscaped(s string, sep byte) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case sep:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
