package vcard

import "strings"

// unescapeText decodes vCard 3.0/4.0 text escapes: \n \N → LF, \\ \, \; and
// the non-standard \: → the character. Any other backslash is kept as is.
func unescapeText(s string) string {
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

// unescapeURI removes the escapes some writers put into URI values
// ("http\://"): \: \, \; and \\. Other backslashes are kept.
func unescapeURI(s string) string {
	i := strings.IndexByte(s, '\\')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			switch n := s[i+1]; n {
			case '\\', ',', ';', ':':
				b.WriteByte(n)
				i++
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// escapeURI is the inverse of unescapeURI: a backslash that unescapeURI
// would take as an escape is doubled; nothing else changes except line
// breaks, which become \n.
func escapeURI(s string) string {
	if strings.IndexAny(s, "\\\r\n") < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 4)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			if i+1 < len(s) && strings.IndexByte(`\,;:`, s[i+1]) >= 0 {
				b.WriteString(`\\`)
			} else {
				b.WriteByte(c)
			}
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

// unescapeNewlines turns \n and \N back into line breaks (for GEO-like
// values kept as written, whose only escape is a line break).
func unescapeNewlines(s string) string {
	if !strings.Contains(s, `\n`) && !strings.Contains(s, `\N`) {
		return s
	}
	return strings.NewReplacer(`\n`, "\n", `\N`, "\n").Replace(s)
}

// escapeText encodes text for a 3.0/4.0 content line: backslash, comma,
// semicolon and line breaks (CRLF, CR, LF → \n).
func escapeText(s string) string { return escapeValue(s, "\\,;") }

// escapeNewlines replaces raw line breaks by \n; used for values that are
// already in escaped form or must not be escaped otherwise (URIs, GEO).
func escapeNewlines(s string) string { return escapeValue(s, "") }

// escapeValue backslash-escapes the bytes in special and turns every line
// break (CRLF, CR, LF) into \n.
func escapeValue(s, special string) string {
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

// convert21Escaped turns a 2.1 structured or list value into 3.0/4.0
// escaped form. In 2.1 (following Android's reading of the spec) only \\, \;,
// \: and \, are escapes; every other backslash is a literal character and
// line breaks (from quoted-printable) are literal too.
func convert21Escaped(s string) string {
	if strings.IndexAny(s, "\\\r\n") < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\':
			if i+1 < len(s) {
				switch n := s[i+1]; n {
				case '\\', ';', ',':
					b.WriteByte('\\')
					b.WriteByte(n)
					i++
					continue
				case ':':
					b.WriteByte(':')
					i++
					continue
				}
			}
			b.WriteString(`\\`)
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

// splitEscaped splits an escaped value on sep where sep is not preceded by
// an escaping backslash. The parts stay escaped.
func splitEscaped(s string, sep byte) []string {
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

// joinEscaped escapes each part as text and joins the parts with sep.
func joinEscaped(parts []string, sep string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(escapeText(p))
	}
	return b.String()
}
