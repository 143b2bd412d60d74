package vcard

import (
	"bytes"
	"strings"

	"fieldbook/backend/contentline"
)

// bareClass returns the parameter name a bare 2.1 parameter value stands for
// (ENCODING, VALUE, CHARSET or TYPE).
func bareClass(v []byte) string {
	switch {
	case bytes.EqualFold(v, []byte("QUOTED-PRINTABLE")), bytes.EqualFold(v, []byte("BASE64")),
		bytes.EqualFold(v, []byte("8BIT")), bytes.EqualFold(v, []byte("7BIT")):
		return "ENCODING"
	case bytes.EqualFold(v, []byte("INLINE")), bytes.EqualFold(v, []byte("URL")),
		bytes.EqualFold(v, []byte("URI")), bytes.EqualFold(v, []byte("CONTENT-ID")),
		bytes.EqualFold(v, []byte("CID")):
		return "VALUE"
	}
	if looksLikeCharset(v) {
		return "CHARSET"
	}
	return "TYPE"
}

// looksLikeCharset recognises charset labels written as bare parameters
// (";UTF-8", ";SHIFT_JIS").
func looksLikeCharset(v []byte) bool {
	u := strings.ToUpper(string(v))
	for _, prefix := range []string{"UTF-", "ISO-8859-", "WINDOWS-125", "SHIFT_JIS", "SHIFT-JIS", "US-ASCII", "EUC-", "BIG5", "GB2312", "GBK", "KOI8-"} {
		if strings.HasPrefix(u, prefix) {
			return true
		}
	}
	return false
}

// parseParamSegment parses one parameter ("TYPE=WORK,VOICE", "WORK",
// `LABEL="a;b"`). Values that are not UTF-8 are decoded with the card's
// fallback charset; RFC 6868 caret escapes are decoded for 3.0/4.0. It
// reports false for an empty segment or one whose name is not a token.
func (ps *parser) parseParamSegment(seg []byte) (Param, bool) {
	ctx := ps.ctx
	seg = contentline.TrimWS(seg)
	if len(seg) == 0 {
		return Param{}, false
	}
	eq := bytes.IndexByte(seg, '=')
	if eq < 0 {
		// A bare 2.1 parameter ("WORK", or "WORK,VOICE").
		seg = trimQuotes(seg)
		vals := ps.stringSlice(1 + bytes.Count(seg, []byte{','}))
		for part := range bytes.SplitSeq(seg, []byte{','}) {
			if part = contentline.TrimWS(part); len(part) > 0 {
				vals = append(vals, ctx.paramText(part))
			}
		}
		if len(vals) == 0 {
			return Param{}, false
		}
		return Param{Name: bareClass([]byte(vals[0])), Values: vals, Bare: true}, true
	}
	rawName := contentline.TrimWS(seg[:eq])
	if !contentline.ValidName(rawName) {
		return Param{}, false
	}
	name, raw := internName(rawName)
	p := Param{Name: name, RawName: raw}
	// Every value ends at a comma, so this bounds the number of values.
	p.Values = ps.stringSlice(1 + bytes.Count(seg[eq+1:], []byte{','}))
	rest := seg[eq+1:]
	isType := name == "TYPE"
	for {
		var val []byte
		quoted := false
		rest = contentline.TrimLeftWS(rest)
		if len(rest) > 0 && rest[0] == '"' {
			end := bytes.IndexByte(rest[1:], '"')
			if end >= 0 {
				val, rest = rest[1:1+end], rest[2+end:]
				quoted = true
				// Anything between the closing quote and the next comma is
				// kept with the value.
				if c := bytes.IndexByte(rest, ','); c > 0 {
					val = append(append([]byte(nil), val...), rest[:c]...)
					rest = rest[c:]
				} else if c < 0 && len(rest) > 0 {
					val = append(append([]byte(nil), val...), rest...)
					rest = nil
				}
			} else {
				val, rest = rest[1:], nil
			}
		} else if c := bytes.IndexByte(rest, ','); c >= 0 {
			val, rest = rest[:c], rest[c:]
		} else {
			val, rest = rest, nil
		}
		if quoted && isType && bytes.IndexByte(val, ',') >= 0 {
			for _, part := range bytes.Split(val, []byte{','}) {
				p.Values = append(p.Values, decodeParamValue(contentline.TrimWS(part), ctx))
			}
		} else {
			if !quoted {
				val = contentline.TrimWS(val)
			}
			p.Values = append(p.Values, decodeParamValue(val, ctx))
		}
		if len(rest) == 0 || rest[0] != ',' {
			break
		}
		rest = rest[1:]
	}
	return p, true
}

// decodeParamValue converts a parameter value to text and decodes RFC 6868
// caret escapes (^n, ^^, ^') unless the card is 2.1.
func decodeParamValue(v []byte, ctx valueCtx) string {
	s := ctx.paramText(v)
	if ctx.v21() {
		return s
	}
	return contentline.DecodeCaret(s)
}

// encodeParamValue writes a parameter value for 3.0/4.0: RFC 6868 caret
// escapes for ^, line breaks and double quotes, and double quotes around
// values containing , ; : or surrounding spaces.
func encodeParamValue(v string) string {
	if contentline.NeedsCaret(v) {
		v = string(contentline.AppendCaret(make([]byte, 0, len(v)+4), v))
	}
	if strings.ContainsAny(v, ",;:") || (v != "" && (v[0] == ' ' || v[len(v)-1] == ' ')) {
		return `"` + v + `"`
	}
	return v
}

// paramsEqual compares two parameter lists exactly.
func paramsEqual(a, b []Param) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Name != y.Name || x.RawName != y.RawName || x.Bare != y.Bare || len(x.Values) != len(y.Values) {
			return false
		}
		for j := range x.Values {
			if x.Values[j] != y.Values[j] {
				return false
			}
		}
	}
	return true
}
