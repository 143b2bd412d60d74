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
	i := strings.IndexByte(s, '\\')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		switch n := s[i+1]; n {
		case 'n', 'N':
			b.WriteByte('\n')
			i++
		case '\\', ',', ';', ':':
			b.WriteByte(n)
			i++
		default:
			b.WriteByte(c)
		}
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
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		case c == '\n':
			b.WriteString(`\n`)
		case strings.IndexByte(special, c) >= 0:
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// AppendNewlines appends v with every line break (CRLF, CR, LF) written as
// \n and nothing else changed.
func AppendNewlines(b []byte, v string) []byte {
	if !strings.ContainsAny(v, "\r\n") {
		return append(b, v...)
	}
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '\r':
			if i+1 < len(v) && v[i+1] == '\n' {
				i++
			}
			b = append(b, '\\', 'n')
		case '\n':
			b = append(b, '\\', 'n')
		default:
			b = append(b, c)
		}
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
