package vcard

import (
	"strings"
)

// Supported vCard versions.
const (
	Version21 = "2.1" // Versit vCard 2.1 (read only)
	Version30 = "3.0" // RFC 2426
	Version40 = "4.0" // RFC 6350
)

// NestedName is the property name given to a vCard nested inside another
// one without an AGENT property in front of it (as in some Android exports).
// Its Value holds the nested card's lines verbatim, joined by "\n".
const NestedName = "X-NESTED-VCARD"

// Card is one vCard: its version and its properties in file order.
//
// The VERSION property is kept in Properties like any other (so its position
// survives a round trip); Version holds its normalised value.
type Card struct {
	// Version is the version the card was read as: "2.1", "3.0", "4.0", the
	// trimmed text of an unknown VERSION value, or "" when the card had no
	// VERSION property (it is then read with 3.0 rules).
	Version string
	// Properties are the card's properties in the order they appeared,
	// BEGIN and END excluded.
	Properties []*Property
	// Line is the 1-based line number of the card's BEGIN:VCARD (0 for a card
	// built in memory).
	Line int

	// fallback is the charset used for values that are not valid UTF-8 and
	// carry no CHARSET parameter; Encode needs it to re-read original lines.
	fallback string
}

// Property is one content line: [group "."] name *(";" param) ":" value.
//
// Value depends on the kind of property:
//   - single-valued text (FN, NOTE, EMAIL, TEL, X-ABLabel, unknown X-
//     properties, …): the decoded, unescaped text;
//   - structured (N, ADR, ORG, GENDER, CLIENTPIDMAP, X-ANDROID-CUSTOM, and
//     2.1 SOUND;X-IRMC-N) and lists (CATEGORIES, NICKNAME): the text in
//     vCard 3.0/4.0 escaped form, so that separators and escaped separators
//     stay distinct; use Components, Component, Values and their setters;
//   - inline binary (PHOTO, LOGO, SOUND, KEY with ENCODING=b/BASE64 or plain
//     base64): the base64 text without whitespace; use Data and SetData;
//   - URIs (URL, IMPP, VALUE=uri, data: URIs, …): the URI;
//   - GEO: the text as written.
//
// Encode compares a property with its original line to find out whether it
// was modified, so fields may be changed directly or through the setters.
type Property struct {
	// Group is the property group ("item1" in "item1.EMAIL"), as written;
	// group comparisons are case-insensitive.
	Group string
	// Name is the property name in upper case, for lookups.
	Name string
	// RawName is the name as written ("X-ABLabel"); Encode writes it when it
	// matches Name case-insensitively, otherwise Name.
	RawName string
	// Params are the parameters in order.
	Params []Param
	// Value is the decoded value (see the type documentation).
	Value string
	// Line is the 1-based line number the property started on (0 for a
	// property created in memory).
	Line int

	// raw is the original logical line (unfolded, without line terminator);
	// nil for a property created in memory.
	raw []byte
	// nested holds the original state of a nested-vCard property.
	nested *nestedOrig
}

// nestedOrig remembers what a nested-vCard property looked like when read.
type nestedOrig struct {
	group, name, rawName, value string
	params                      []Param
}

// Param is one property parameter with its values in order.
type Param struct {
	// Name is the parameter name in upper case. Bare 2.1 parameters
	// ("TEL;WORK;VOICE") get the name they stand for: TYPE, ENCODING,
	// VALUE or CHARSET.
	Name string
	// RawName is the name as written; empty for a bare parameter.
	RawName string
	// Values are the decoded values (quotes removed, RFC 6868 caret escapes
	// decoded for 3.0/4.0), split on unquoted commas (for TYPE also inside
	// quotes).
	Values []string
	// Bare reports a 2.1 parameter written without a name.
	Bare bool
}

// NewProperty returns a new property with the given name and value. For a
// structured or list property the value must be in escaped form; prefer
// SetComponents / SetValues then.
func NewProperty(name, value string) *Property {
	return &Property{Name: strings.ToUpper(name), RawName: name, Value: value}
}

// Get returns the first property with the given name (case-insensitive), or
// nil.
func (c *Card) Get(name string) *Property {
	if c == nil {
		return nil
	}
	for _, p := range c.Properties {
		if strings.EqualFold(p.Name, name) {
			return p
		}
	}
	return nil
}

// All returns every property with the given name (case-insensitive), in
// order.
func (c *Card) All(name string) []*Property {
	if c == nil {
		return nil
	}
	var out []*Property
	for _, p := range c.Properties {
		if strings.EqualFold(p.Name, name) {
			out = append(out, p)
		}
	}
	return out
}

// Value returns the Value of the first property with the given name, or "".
func (c *Card) Value(name string) string {
	if p := c.Get(name); p != nil {
		return p.Value
	}
	return ""
}

// Preferred returns the most preferred property with the given name (the
// lowest Pref greater than zero), else the first one, else nil.
func (c *Card) Preferred(name string) *Property {
	var best *Property
	bestPref := 0
	for _, p := range c.All(name) {
		if best == nil {
			best = p
		}
		if pr := p.Pref(); pr > 0 && (bestPref == 0 || pr < bestPref) {
			best, bestPref = p, pr
		}
	}
	return best
}

// Group returns the properties in the given group (case-insensitive), in
// order. An empty group returns nil.
func (c *Card) Group(group string) []*Property {
	if c == nil || group == "" {
		return nil
	}
	var out []*Property
	for _, p := range c.Properties {
		if strings.EqualFold(p.Group, group) {
			out = append(out, p)
		}
	}
	return out
}

// Label returns the Apple-style label (X-ABLabel) linked to p through its
// group, or "". Apple's well-known labels such as "_$!<HomePage>!$_" are
// returned as written.
func (c *Card) Label(p *Property) string {
	if p == nil || p.Group == "" {
		return ""
	}
	for _, q := range c.Group(p.Group) {
		if q != p && q.Name == "X-ABLABEL" {
			return q.Value
		}
	}
	return ""
}

// Param returns the first value of the named parameter (case-insensitive),
// or "".
func (p *Property) Param(name string) string {
	for _, pa := range p.Params {
		if strings.EqualFold(pa.Name, name) && len(pa.Values) > 0 {
			return pa.Values[0]
		}
	}
	return ""
}

// ParamValues returns all values of the named parameter (case-insensitive)
// across every occurrence of it, in order.
func (p *Property) ParamValues(name string) []string {
	var out []string
	for _, pa := range p.Params {
		if strings.EqualFold(pa.Name, name) {
			out = append(out, pa.Values...)
		}
	}
	return out
}

// HasParam reports whether the named parameter is present.
func (p *Property) HasParam(name string) bool {
	for _, pa := range p.Params {
		if strings.EqualFold(pa.Name, name) {
			return true
		}
	}
	return false
}

// SetParam replaces every occurrence of the named parameter by one with the
// given values (at the position of the first occurrence, else at the end).
// No values removes the parameter.
func (p *Property) SetParam(name string, values ...string) {
	upper := strings.ToUpper(name)
	out := p.Params[:0:0]
	placed := false
	for _, pa := range p.Params {
		if pa.Name == upper {
			if !placed && len(values) > 0 {
				out = append(out, Param{Name: upper, RawName: name, Values: append([]string(nil), values...)})
			}
			placed = true
			continue
		}
		out = append(out, pa)
	}
	if !placed && len(values) > 0 {
		out = append(out, Param{Name: upper, RawName: name, Values: append([]string(nil), values...)})
	}
	p.Params = out
}

// AddParam appends a parameter.
func (p *Property) AddParam(name string, values ...string) {
	p.Params = append(p.Params, Param{Name: strings.ToUpper(name), RawName: name, Values: append([]string(nil), values...)})
}

// Types returns the TYPE values in upper case, in order, including bare 2.1
// types and "PREF" when written as a type.
func (p *Property) Types() []string {
	var out []string
	for _, pa := range p.Params {
		if pa.Name != "TYPE" {
			continue
		}
		for _, v := range pa.Values {
			if v = strings.TrimSpace(v); v != "" {
				out = append(out, strings.ToUpper(v))
			}
		}
	}
	return out
}

// HasType reports whether t is among the TYPE values (case-insensitive).
func (p *Property) HasType(t string) bool {
	for _, v := range p.Types() {
		if strings.EqualFold(v, t) {
			return true
		}
	}
	return false
}

// Pref returns the preference of the property: the 4.0 PREF parameter
// (1 = most preferred … 100), or 1 for TYPE=pref / a bare 2.1 PREF, or 0 when
// the property is not marked preferred.
func (p *Property) Pref() int {
	if n := prefParam(p); n > 0 {
		return n
	}
	if p.HasType("PREF") {
		return 1
	}
	return 0
}
