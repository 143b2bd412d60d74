package ical

import "strings"

// UnescapeText decodes RFC 5545 TEXT escapes: \n and \N become a line feed,
// \\ \; \, and the non-standard \: become the character. Any other
// backslash is kept as is.
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

// EscapeText encodes s as an RFC 5545 TEXT value: backslash, ';' and ','
// are escaped and line breaks (CRLF, LF, CR) become \n.
func EscapeText(s string) string {
	if strings.IndexAny(s, "\\;,\r\n") < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// SplitUnescaped splits an escaped value on sep where it is not preceded by
// an escaping backslash. The parts stay escaped. An empty value gives no
// parts.
func SplitUnescaped(s string, sep byte) []string {
	if s == "" {
		return nil
	}
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

// decodeCaret decodes RFC 6868 parameter escapes: ^n → LF, ^^ → ^,
// ^' → ". Any other caret is kept.
func decodeCaret(s string) string {
	i := strings.IndexByte(s, '^')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c == '^' && i+1 < len(s) {
			switch s[i+1] {
			case 'n', 'N':
				b.WriteByte('\n')
				i++
				continue
			case '^':
				b.WriteByte('^')
				i++
				continue
			case '\'':
				b.WriteByte('"')
				i++
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// encodeParamValue writes one parameter value: RFC 6868 escapes for '^',
// '"' and line breaks; quoted when asked, when needsQuote says so, or when
// it ends with a backslash and a ';' follows (beforeSemicolon).
func encodeParamValue(b []byte, v string, quote, beforeSemicolon bool) []byte {
	if !quote && (needsQuote(v) || beforeSemicolon && strings.HasSuffix(v, `\`)) {
		quote = true
	}
	if quote {
		b = append(b, '"')
	}
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '^':
			b = append(b, '^', '^')
		case c == '"':
			b = append(b, '^', '\'')
		case c == '\r':
			if i+1 < len(v) && v[i+1] == '\n' {
				i++
			}
			b = append(b, '^', 'n')
		case c == '\n':
			b = append(b, '^', 'n')
		default:
			b = append(b, c)
		}
	}
	if quote {
		b = append(b, '"')
	}
	return b
}

// needsQuote reports whether a parameter value must be quoted: it holds ':'
// or ',' or a ';' that is not written as Apple's "\;". (A value ending with
// a backslash must also be quoted when a ';' follows it, or the two would
// read as "\;".)
func needsQuote(v string) bool {
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case ':', ',':
			return true
		case ';':
			if i == 0 || v[i-1] != '\\' {
				return true
			}
		}
	}
	return false
}
