package vcard

import (
	"encoding/base64"
	"strings"

	"fieldbook/backend/contentline"
)

// kind returns the value kind of the property in its current state.
func (p *Property) kind() valueKind {
	return propKind(p.Name, p.Params, p.Value)
}

// IsStructured reports whether Value holds escaped ";"-separated components
// (N, ADR, ORG, GENDER, …).
func (p *Property) IsStructured() bool { return p.kind() == kindStructured }

// IsList reports whether Value holds an escaped ","-separated list
// (CATEGORIES, NICKNAME).
func (p *Property) IsList() bool { return p.kind() == kindList }

// IsInline reports whether the property carries inline data (base64 or a
// data: URI) that Data can return.
func (p *Property) IsInline() bool {
	switch p.kind() {
	case kindBinary:
		return true
	case kindURI:
		return len(p.Value) >= 5 && strings.EqualFold(p.Value[:5], "data:")
	}
	return false
}

// Components returns the components of a structured value, each split into
// its comma-separated list and unescaped. "Doe;John;Richter,James;;" gives
// [[Doe] [John] [Richter James] [""] [""]]. For a list property it returns
// one component holding the list; for any other property a single component
// holding Value.
func (p *Property) Components() [][]string {
	switch p.kind() {
	case kindStructured:
		parts := contentline.SplitEscaped(p.Value, ';')
		out := make([][]string, len(parts))
		for i, part := range parts {
			items := contentline.SplitEscaped(part, ',')
			for j := range items {
				items[j] = contentline.UnescapeText(items[j])
			}
			out[i] = items
		}
		return out
	case kindList:
		return [][]string{p.Values()}
	}
	return [][]string{{p.Value}}
}

// Component returns component i of a structured value, its list items joined
// with ","; "" when there is no such component.
func (p *Property) Component(i int) string {
	c := p.Components()
	if i < 0 || i >= len(c) {
		return ""
	}
	return strings.Join(c[i], ",")
}

// SetComponents sets a structured value from components (each a list of
// values); the value is escaped as needed.
func (p *Property) SetComponents(components [][]string) {
	parts := make([]string, len(components))
	for i, c := range components {
		parts[i] = joinEscaped(c, ",")
	}
	p.Value = strings.Join(parts, ";")
}

// SetComponentStrings sets a structured value from one string per component
// (commas inside a string are kept as text, not list separators).
func (p *Property) SetComponentStrings(components ...string) {
	p.Value = joinEscaped(components, ";")
}

// Values returns the unescaped items of a list property (CATEGORIES,
// NICKNAME); for a structured property every component's items in order;
// otherwise the single Value.
func (p *Property) Values() []string {
	switch p.kind() {
	case kindList:
		items := contentline.SplitEscaped(p.Value, ',')
		for i := range items {
			items[i] = contentline.UnescapeText(items[i])
		}
		return items
	case kindStructured:
		var out []string
		for _, c := range p.Components() {
			out = append(out, c...)
		}
		return out
	}
	return []string{p.Value}
}

// SetValues sets a list value (escaping as needed). On a property that is not
// a list or structured, the values are joined with ", " into Value.
func (p *Property) SetValues(values ...string) {
	switch p.kind() {
	case kindList, kindStructured:
		p.Value = joinEscaped(values, ",")
	default:
		p.Value = strings.Join(values, ", ")
	}
}

// Text returns a human-readable text of the value: Value for text-like
// properties, the unescaped text for structured and list values.
func (p *Property) Text() string {
	switch p.kind() {
	case kindStructured, kindList:
		return contentline.UnescapeText(p.Value)
	}
	return p.Value
}

// Data returns the inline data of a PHOTO, LOGO, SOUND or KEY (base64 or a
// data: URI) and its media type ("image/jpeg", or "" when unknown). It
// returns ErrNotInline for a URI or text value.
func (p *Property) Data() ([]byte, string, error) {
	switch p.kind() {
	case kindBinary:
		data, err := decodeBase64(p.Value)
		if err != nil {
			return nil, "", err
		}
		media := p.formatMedia()
		if media == "" {
			media = sniffMedia(data)
		}
		return data, media, nil
	case kindURI:
		return parseDataURI(p.Value)
	}
	return nil, "", ErrNotInline
}

// formatMedia returns the media type named by a MEDIATYPE parameter or a
// format TYPE value, or "".
func (p *Property) formatMedia() string {
	if m := p.Param("MEDIATYPE"); m != "" {
		return strings.ToLower(m)
	}
	for _, pa := range p.Params {
		if pa.Name != "TYPE" {
			continue
		}
		for _, v := range pa.Values {
			if isFormatType(v) {
				return formatMedia(v)
			}
		}
	}
	return ""
}

// SetData stores data inline (base64 with ENCODING=b and a TYPE naming the
// format; Encode writes a data: URI for 4.0). Format TYPE values, MEDIATYPE,
// ENCODING and VALUE parameters are replaced; other parameters stay.
func (p *Property) SetData(mediaType string, data []byte) {
	if mediaType == "" {
		mediaType = sniffMedia(data)
	}
	var params []Param
	for _, pa := range p.Params {
		switch pa.Name {
		case "ENCODING", "VALUE", "MEDIATYPE", "CHARSET":
			continue
		case "TYPE":
			var keep []string
			for _, v := range pa.Values {
				if !isFormatType(v) {
					keep = append(keep, v)
				}
			}
			if len(keep) == 0 {
				continue
			}
			pa = Param{Name: pa.Name, RawName: pa.RawName, Values: keep, Bare: pa.Bare}
		}
		params = append(params, pa)
	}
	p.Params = append(binaryHead(mediaType), params...)
	p.Value = base64.StdEncoding.EncodeToString(data)
}
