package vcard

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"fieldbook/backend/contentline"
)

// ErrVersion is returned by Encode for a target version other than 3.0 and
// 4.0.
var ErrVersion = errors.New("vcard: can only encode versions 3.0 and 4.0")

// Encode writes card as a vCard of the given version ("3.0" or "4.0"),
// UTF-8 with CRLF line endings, folded at 75 octets.
//
// A property that was not modified since it was decoded is written from its
// original bytes when version equals the card's source version (and those
// bytes are UTF-8 on one line); everything else is serialised for the target
// version: quoted-printable and legacy charsets become plain UTF-8, bare 2.1
// parameters become TYPE=…, inline binary becomes ENCODING=b (3.0) or a
// data: URI (4.0), PREF and TYPE=pref are converted, and values and
// parameters are escaped and quoted as needed.
func Encode(w io.Writer, card *Card, version string) error {
	bw := bufio.NewWriterSize(w, 16<<10)
	if err := encodeCard(bw, card, version); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("vcard: writing card: %w", err)
	}
	return nil
}

// EncodeAll writes several cards one after the other.
func EncodeAll(w io.Writer, cards []*Card, version string) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	for i, c := range cards {
		if err := encodeCard(bw, c, version); err != nil {
			return fmt.Errorf("card %d: %w", i, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("vcard: writing cards: %w", err)
	}
	return nil
}

// Marshal returns the card encoded as Encode would write it.
func Marshal(card *Card, version string) ([]byte, error) {
	var buf bytes.Buffer
	if err := Encode(&buf, card, version); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// encoder holds the state for writing one card.
type encoder struct {
	w      *bufio.Writer
	target string
	same   bool     // target equals the card's source version
	ctx    valueCtx // how the card's original lines are read
	line   []byte   // scratch buffer for one content line
	ps     parser   // re-reads original lines; reset for each property
}

// encodeCard writes one card to bw.
func encodeCard(bw *bufio.Writer, card *Card, version string) error {
	if version != Version30 && version != Version40 {
		return fmt.Errorf("%w (got %q)", ErrVersion, version)
	}
	if card == nil {
		return errors.New("vcard: nil card")
	}
	e := &encoder{
		w:      bw,
		target: version,
		same:   strings.TrimSpace(card.Version) == version,
		ctx:    valueCtx{version: rulesVersion(card.Version), fallback: card.fallback},
	}
	e.ps.ctx = e.ctx
	// Validate before writing anything, so a bad card leaves no partial output.
	for i, p := range card.Properties {
		if p == nil {
			return fmt.Errorf("vcard: property %d is nil", i)
		}
		if err := checkNames(p); err != nil {
			return fmt.Errorf("vcard: property %d: %w", i, err)
		}
	}
	hasVersion := false
	for _, p := range card.Properties {
		if p.Name == "VERSION" {
			hasVersion = true
			break
		}
	}
	bw.WriteString("BEGIN:VCARD\r\n")
	versionLine := "VERSION:" + version + "\r\n"
	versionDone := false
	if version == Version40 || !hasVersion {
		bw.WriteString(versionLine)
		versionDone = true
	}
	for _, p := range card.Properties {
		switch {
		case p.nested != nil:
			e.writeNested(p)
		case p.Name == "VERSION":
			if !versionDone {
				bw.WriteString(versionLine)
				versionDone = true
			}
		default:
			e.writeProperty(p)
		}
	}
	bw.WriteString("END:VCARD\r\n")
	return nil
}

// checkNames verifies that a property's group, name and parameter names can
// be written.
func checkNames(p *Property) error {
	if p.nested == nil && !contentline.ValidName([]byte(p.Name)) {
		return fmt.Errorf("invalid property name %q", p.Name)
	}
	if p.Group != "" && !contentline.ValidDotted([]byte(p.Group)) {
		return fmt.Errorf("invalid group %q", p.Group)
	}
	for _, pa := range p.Params {
		if !contentline.ValidName([]byte(pa.Name)) {
			return fmt.Errorf("invalid parameter name %q", pa.Name)
		}
	}
	return nil
}

// outName is the property name to write: the original spelling when it
// still matches Name.
func outName(p *Property) string {
	if p.RawName != "" && strings.EqualFold(p.RawName, p.Name) {
		return p.RawName
	}
	return p.Name
}

// writeNested writes a nested vCard: verbatim when unchanged in the same
// version, else as a text property whose value is the card text.
func (e *encoder) writeNested(p *Property) {
	o := p.nested
	unchanged := p.Group == o.group && p.Name == o.name && p.RawName == o.rawName &&
		p.Value == o.value && paramsEqual(p.Params, o.params)
	if unchanged && e.same && utf8.Valid(p.raw) {
		e.w.Write(p.raw)
		e.w.WriteString("\r\n")
		return
	}
	e.serialize(p, nil)
}

// writeProperty writes one property, from its original bytes when possible.
func (e *encoder) writeProperty(p *Property) {
	var orig *parsed
	if p.raw != nil {
		// The previous property's parse is no longer needed: reuse the slabs.
		e.ps.props, e.ps.params, e.ps.strs = e.ps.props[:0], e.ps.params[:0], e.ps.strs[:0]
		if res, err := e.ps.parse(p.raw); err == nil {
			orig = &res
		}
	}
	if orig != nil && e.same && sameProperty(p, orig.prop) && reusable(p.raw) {
		if !isCardBoundary(p.raw) {
			contentline.WriteFolded(e.w, p.raw)
		}
		return
	}
	e.serialize(p, orig)
}

// sameProperty reports whether p still equals the property read from its
// original line.
func sameProperty(p, o *Property) bool {
	return p.Group == o.Group && p.Name == o.Name && p.RawName == o.RawName &&
		p.Value == o.Value && paramsEqual(p.Params, o.Params)
}

// reusable reports whether original bytes can be written as one UTF-8
// content line (that would not be read as a folded continuation).
func reusable(raw []byte) bool {
	return len(raw) > 0 && raw[0] != ' ' && raw[0] != '\t' && utf8.Valid(raw) &&
		bytes.IndexByte(raw, '\r') < 0 && bytes.IndexByte(raw, '\n') < 0
}

// serialize writes p for the target version. orig, when known, is p as read
// from its original line; an unchanged value is then written in its original
// escaped form.
func (e *encoder) serialize(p *Property, orig *parsed) {
	kind := p.kind()
	if p.nested != nil {
		kind = kindText
	}
	value := ""
	var head []Param // parameters written before the converted ones
	inline := false  // binary data written for the target version
	switch kind {
	case kindBinary:
		inline = true
		if e.target == Version40 && isInlineName(p.Name) {
			value = buildDataURI(e.mediaOf(p, p.Value), p.Value)
		} else {
			value = p.Value
			head = binaryHead(e.mediaOf(p, p.Value))
		}
	case kindURI:
		if e.target == Version30 && isInlineName(p.Name) && hasDataPrefix(p.Value) {
			if data, media, err := parseDataURI(p.Value); err == nil {
				inline = true
				b64 := base64.StdEncoding.EncodeToString(data)
				if media == "" {
					media = sniffMedia(data)
				}
				value = b64
				head = binaryHead(media)
				break
			}
		}
		value = e.keptValue(p, orig, escapeURI)
	case kindText:
		value = e.keptValue(p, orig, contentline.EscapeText)
	default:
		value = contentline.EscapeValue(p.Value, "")
	}
	params := e.convertParams(p, inline)
	b := e.line[:0]
	if p.Group != "" {
		b = append(b, p.Group...)
		b = append(b, '.')
	}
	b = append(b, outName(p)...)
	for _, pa := range append(head, params...) {
		b = appendParam(b, pa)
	}
	b = append(b, ':')
	b = append(b, value...)
	if !isCardBoundary(b) {
		contentline.WriteFolded(e.w, b)
	}
	if cap(b) <= 64<<10 {
		e.line = b
	}
}

// keptValue returns the original escaped text when the value is unchanged
// and the card was read with 3.0/4.0 rules, else p.Value escaped by esc.
func (e *encoder) keptValue(p *Property, orig *parsed, esc func(string) string) string {
	if orig != nil && !e.ctx.v21() && orig.prop.Value == p.Value && orig.prop.kind() == p.kind() {
		return contentline.EscapeValue(orig.escaped, "")
	}
	return esc(p.Value)
}

// mediaOf returns the media type of inline data: a MEDIATYPE or format TYPE
// parameter, else sniffed from the data.
func (e *encoder) mediaOf(p *Property, b64 string) string {
	if m := p.formatMedia(); m != "" {
		return m
	}
	return sniffBase64Media(b64)
}

// binaryHead returns the 3.0 parameters announcing inline base64 data.
func binaryHead(media string) []Param {
	head := []Param{{Name: "ENCODING", RawName: "ENCODING", Values: []string{"b"}}}
	if media != "" {
		t := mediaToType(media)
		if !isFormatType(t) {
			t = media // keep the full media type so it reads back as a format
		}
		head = append(head, Param{Name: "TYPE", RawName: "TYPE", Values: []string{t}})
	}
	return head
}

// isInlineName reports whether a property may carry inline data.
func isInlineName(name string) bool {
	switch name {
	case "PHOTO", "LOGO", "SOUND", "KEY":
		return true
	}
	return false
}

// hasDataPrefix reports whether v is a data: URI.
func hasDataPrefix(v string) bool {
	return len(v) >= 5 && strings.EqualFold(v[:5], "data:")
}

// convertParams converts p's parameters for the target version. inline is
// set when the value is written as inline binary (its format and encoding
// parameters are then produced separately).
func (e *encoder) convertParams(p *Property, inline bool) []Param {
	out := make([]Param, 0, len(p.Params)+1)
	prefLevel := prefParam(p)
	typePref := p.HasType("PREF")
	prevBareType := -1 // index in out of a TYPE built from bare parameters
	for _, pa := range p.Params {
		switch pa.Name {
		case "CHARSET":
			// Output is UTF-8; a CHARSET=UTF-8 written by a 3.0 client is
			// kept when writing 3.0 back, to keep the diff minimal.
			if !(e.same && e.target == Version30 && isUTF8Label(pa.Values)) {
				continue
			}
		case "ENCODING", "PREF":
			continue
		case "VALUE":
			v := ""
			if len(pa.Values) > 0 {
				v = strings.ToUpper(pa.Values[0])
			}
			if inline || v == "INLINE" {
				continue
			}
			if v == "URL" || v == "CONTENT-ID" || v == "CID" {
				pa = Param{Name: "VALUE", RawName: "VALUE", Values: []string{"uri"}}
			}
		case "MEDIATYPE":
			if inline {
				continue
			}
		case "TYPE":
			vals := make([]string, 0, len(pa.Values))
			for _, v := range pa.Values {
				if inline && isFormatType(v) || e.target == Version40 && strings.EqualFold(v, "pref") {
					continue
				}
				vals = append(vals, v)
			}
			if len(vals) == 0 {
				continue
			}
			if pa.Bare {
				if prevBareType >= 0 {
					out[prevBareType].Values = append(out[prevBareType].Values, vals...)
					continue
				}
				prevBareType = len(out)
				pa = Param{Name: "TYPE", RawName: "TYPE", Values: vals}
			} else {
				pa = Param{Name: pa.Name, RawName: pa.RawName, Values: vals}
			}
		}
		if pa.Bare {
			pa = Param{Name: pa.Name, RawName: pa.Name, Values: pa.Values}
		}
		out = append(out, pa)
	}
	if e.target == Version40 {
		switch {
		case prefLevel > 0:
			out = append(out, Param{Name: "PREF", RawName: "PREF", Values: []string{strconv.Itoa(prefLevel)}})
		case typePref:
			out = append(out, Param{Name: "PREF", RawName: "PREF", Values: []string{"1"}})
		}
		return out
	}
	if typePref || prefLevel == 0 {
		return out
	}
	for i := range out {
		if out[i].Name == "TYPE" {
			out[i].Values = append(append([]string(nil), out[i].Values...), "pref")
			return out
		}
	}
	return append(out, Param{Name: "TYPE", RawName: "TYPE", Values: []string{"pref"}})
}

// prefParam returns the value of a valid PREF parameter (1–100), else 0.
func prefParam(p *Property) int {
	v := strings.TrimSpace(p.Param("PREF"))
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0
	}
	return min(n, 100)
}

// isUTF8Label reports whether a CHARSET parameter names UTF-8.
func isUTF8Label(values []string) bool {
	return len(values) == 1 && (strings.EqualFold(values[0], "UTF-8") || strings.EqualFold(values[0], "UTF8"))
}

// appendParam writes ";NAME=v1,v2".
func appendParam(b []byte, pa Param) []byte {
	b = append(b, ';')
	name := pa.RawName
	if name == "" || !strings.EqualFold(name, pa.Name) {
		name = pa.Name
	}
	b = append(b, name...)
	b = append(b, '=')
	for i, v := range pa.Values {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, encodeParamValue(v)...)
	}
	return b
}
