package contentline

import "strings"

// DecodeCaret decodes RFC 6868 parameter-value escapes: ^n and ^N become a
// line feed, ^^ a caret and ^' a double quote. Any other caret is kept.
func DecodeCaret(s string) string {
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

// NeedsCaret reports whether AppendCaret would change v.
func NeedsCaret(v string) bool { return strings.ContainsAny(v, "^\"\r\n") }

// AppendCaret appends v with RFC 6868 escapes: '^' as ^^, '"' as ^' and
// every line break (CRLF, CR, LF) as ^n.
func AppendCaret(b []byte, v string) []byte {
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '^':
			b = append(b, '^', '^')
		case '"':
			b = append(b, '^', '\'')
		case '\r':
			if i+1 < len(v) && v[i+1] == '\n' {
				i++
			}
			b = append(b, '^', 'n')
		case '\n':
			b = append(b, '^', 'n')
		default:
			b = append(b, c)
		}
	}
	return b
}

// SplitParams appends to segs the parameter segments of s that follow
// index i (which holds the separator before the first parameter, or the
// colon) and returns them with the index of the colon that ends them, or -1
// when there is none. With quotes, ';' and ':' inside double quotes do not
// end a segment; with appleSemicolon, "\;" outside quotes does not either
// (Apple writes it inside unquoted values). Empty segments are dropped.
func SplitParams[T Text](segs []T, s T, i int, quotes, appleSemicolon bool) ([]T, int) {
	pos := i
	for pos < len(s) && s[pos] != ':' {
		pos++ // the separator
		start := pos
		inQuote := false
		for pos < len(s) {
			c := s[pos]
			if quotes && c == '"' {
				inQuote = !inQuote
			} else if appleSemicolon && !inQuote && c == '\\' && pos+1 < len(s) && s[pos+1] == ';' {
				pos++
			} else if !inQuote && (c == ';' || c == ':') {
				break
			}
			pos++
		}
		if pos > start {
			segs = append(segs, s[start:pos])
		}
	}
	if pos >= len(s) {
		return segs, -1
	}
	return segs, pos
}
