package ical

import (
	"strings"

	"fieldbook/backend/contentline"
)

// UnescapeText decodes RFC 5545 TEXT escapes: \n and \N become a line feed,
// \\ \; \, and the non-standard \: become the character. Any other
// backslash is kept as is.
func UnescapeText(s string) string { return contentline.UnescapeText(s) }

// EscapeText encodes s as an RFC 5545 TEXT value: backslash, ';' and ','
// are escaped and line breaks (CRLF, LF, CR) become \n.
func EscapeText(s string) string { return contentline.EscapeText(s) }

// SplitUnescaped splits an escaped value on sep where it is not preceded by
// an escaping backslash. The parts stay escaped. An empty value gives no
// parts.
func SplitUnescaped(s string, sep byte) []string {
	if s == "" {
		return nil
	}
	return contentline.SplitEscaped(s, sep)
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
	b = contentline.AppendCaret(b, v)
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
