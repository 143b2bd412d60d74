package vcard

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"fieldbook/backend/textenc"
)

// defaultFallback is the charset for 8-bit values without a CHARSET when
// nothing better is known.
const defaultFallback = "windows-1252"

// valueCtx is what decoding a property needs to know about its card.
type valueCtx struct {
	version  string // the card's version ("" = none, read with 3.0 rules)
	fallback string // charset for non-UTF-8 values without CHARSET ("" = sniff)
}

// v21 reports whether 2.1 escaping rules apply.
func (c valueCtx) v21() bool { return c.version == Version21 }

// toText converts bytes without a declared charset to UTF-8: valid UTF-8 as
// is, anything else through the fallback charset.
func (c valueCtx) toText(b []byte) (string, string) {
	if utf8.Valid(b) {
		return string(b), ""
	}
	return c.decodeFallback(b)
}

// decodeFallback decodes bytes that are not UTF-8 with the configured or
// sniffed fallback charset.
func (c valueCtx) decodeFallback(b []byte) (string, string) {
	name := c.fallback
	if name == "" {
		if d := textenc.Detect(b); d.Name != textenc.UTF8 {
			name = d.Name
		} else {
			name = defaultFallback
		}
	}
	s, err := textenc.DecodeBytes(b, name)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD"), fmt.Sprintf("value is not valid UTF-8 and fallback charset %q failed (%v); invalid bytes replaced", name, err)
	}
	return s, ""
}

// decodeCharset converts a value's bytes to UTF-8 according to its CHARSET
// parameter; the second result is a warning, if any.
func (c valueCtx) decodeCharset(b []byte, charset string) (string, string) {
	cs := strings.TrimSpace(charset)
	if cs == "" {
		return c.toText(b)
	}
	if strings.EqualFold(cs, "UTF-8") || strings.EqualFold(cs, "UTF8") {
		if utf8.Valid(b) {
			return string(b), ""
		}
		return strings.ToValidUTF8(string(b), "\uFFFD"), "value declared UTF-8 is not valid UTF-8; invalid bytes replaced"
	}
	if isASCII(b) && !strings.HasPrefix(strings.ToUpper(cs), "UTF-") {
		return string(b), ""
	}
	s, err := textenc.DecodeBytes(b, cs)
	if err != nil {
		t, w := c.toText(b)
		msg := fmt.Sprintf("charset %q: %v; decoded without it", cs, err)
		if w != "" {
			msg += "; " + w
		}
		return t, msg
	}
	return s, ""
}

// paramText converts a parameter value to text.
func (c valueCtx) paramText(b []byte) string {
	if utf8.Valid(b) {
		return internBytes(b)
	}
	t, _ := c.decodeFallback(b)
	return t
}

// isASCII reports whether b holds only 7-bit bytes.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
