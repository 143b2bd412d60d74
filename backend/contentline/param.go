package contentline

import "strings"

// DecodeCaret decodes RFC 6868 parameter-value escapes: ^n and ^N become a
// line feed, ^^ a caret and ^' a double quote. Any other caret is kept.
func DecodeCaret(s string) string {
	return Unescape(s, '^', func(n byte) (byte, bool) {
		switch n {
		case 'n', 'N':
			return '\n', true
		case '^':
			return '^', true
		case '\'':
			return '"', true
		}
		return 0, false
	})
}

// NeedsCaret reports whether AppendCaret would change v.
func NeedsCaret(v string) bool { return strings.ContainsAny(v, "^\"\r\n") }

// AppendCaret appends v with RFC 6868 escapes: '^' as ^^, '"' as ^' and
// every line break (CRLF, CR, LF) as ^n.
func AppendCaret(b []byte, v string) []byte {
	return AppendEscaped(b, v, '^', func(c byte) (byte, bool) {
		switch c {
		case '^':
			return '^', true
		case '"':
			return '\'', true
		}
		return 0, false
	})
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
