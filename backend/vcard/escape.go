package vcard

import (
	"strings"

	"fieldbook/backend/contentline"
)

// unescapeURI removes the escapes some writers put into URI values
// ("http\://"): \: \, \; and \\. Other backslashes are kept.
func unescapeURI(s string) string {
	return contentline.Unescape(s, '\\', func(n byte) (byte, bool) {
		return n, n == '\\' || n == ',' || n == ';' || n == ':'
	})
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

// joinEscaped escapes each part as text and joins the parts with sep.
func joinEscaped(parts []string, sep string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(contentline.EscapeText(p))
	}
	return b.String()
}
