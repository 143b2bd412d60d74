package vcard

import "strings"

// valueKind says how a property's value is escaped and stored in Value.
type valueKind uint8

const (
	kindText       valueKind = iota // single text: Value is unescaped
	kindStructured                  // ";"-separated components: Value stays escaped
	kindList                        // ","-separated list: Value stays escaped
	kindURI                         // a URI: not escaped on output
	kindRaw                         // kept exactly as written (GEO)
	kindBinary                      // inline base64: Value is the base64 text
)

// propKind classifies a property from its upper-case name, its parameters
// and its value (raw bytes while decoding, Value while encoding).
func propKind[T string | []byte](name string, params []Param, value T) valueKind {
	switch name {
	case "N", "ADR", "ORG", "GENDER", "CLIENTPIDMAP", "X-ANDROID-CUSTOM":
		return kindStructured
	case "CATEGORIES", "NICKNAME":
		return kindList
	case "GEO":
		return kindRaw
	}
	enc, val := "", ""
	irmc := false
	for _, pa := range params {
		switch pa.Name {
		case "ENCODING":
			if len(pa.Values) > 0 {
				enc = pa.Values[0]
			}
		case "VALUE":
			if len(pa.Values) > 0 {
				val = pa.Values[0]
			}
		case "TYPE":
			if name == "SOUND" {
				for _, v := range pa.Values {
					if strings.EqualFold(v, "X-IRMC-N") {
						irmc = true
					}
				}
			}
		}
	}
	if irmc {
		return kindStructured
	}
	if strings.EqualFold(enc, "B") || strings.EqualFold(enc, "BASE64") {
		return kindBinary
	}
	switch {
	case strings.EqualFold(val, "URI"), strings.EqualFold(val, "URL"),
		strings.EqualFold(val, "CONTENT-ID"), strings.EqualFold(val, "CID"):
		return kindURI
	}
	switch name {
	case "PHOTO", "LOGO", "SOUND", "KEY":
		if hasScheme(value) {
			return kindURI
		}
		if name != "KEY" && looksBase64(value) {
			return kindBinary
		}
		return kindText
	case "URL", "SOURCE", "FBURL", "CALURI", "CALADRURI", "CAPURI", "MEMBER", "IMPP":
		if strings.EqualFold(val, "TEXT") {
			return kindText
		}
		return kindURI
	}
	return kindText
}

// hasScheme reports whether v starts with a URI scheme ("data:", "http:",
// "tel:", …). A one-letter scheme is not accepted (it would be a drive
// letter).
func hasScheme[T string | []byte](v T) bool {
	for i := 0; i < len(v) && i < 40; i++ {
		c := v[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case c == ':':
			return i >= 2
		default:
			return false
		}
	}
	return false
}

// looksBase64 reports whether v (ignoring whitespace) is plausible base64:
// at least 8 characters of the standard or URL-safe alphabet with padding
// only at the end.
func looksBase64[T string | []byte](v T) bool {
	n, pad := 0, 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			continue
		case c == '=':
			pad++
		case pad > 0:
			return false
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9',
			c == '+', c == '/', c == '-', c == '_':
		default:
			return false
		}
		n++
	}
	return n >= 8 && pad <= 2 && n%4 != 1
}
