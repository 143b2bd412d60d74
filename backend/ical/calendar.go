package ical

import (
	"slices"
	"strings"
)

// Calendar is one VCALENDAR object: its own properties (VERSION, PRODID,
// METHOD, X-WR-TIMEZONE, …) and its components (VEVENT, VTODO, VTIMEZONE,
// …) in file order.
type Calendar struct {
	Props      []*Property
	Components []*Component
	// Line is the 1-based line of BEGIN:VCALENDAR (0 when built in memory or
	// when the input had no VCALENDAR wrapper).
	Line int
}

// Component is one component (VEVENT, VTODO, VALARM, VTIMEZONE, STANDARD,
// DAYLIGHT, X-…): its properties and child components in file order.
type Component struct {
	// Name is the component name in upper case.
	Name     string
	Props    []*Property
	Children []*Component
	// Line is the 1-based line of its BEGIN line (0 when built in memory).
	Line int
}

// Property is one content line: [group "."] name *(";" param) ":" value.
//
// Value is the text after the first colon outside quotes, exactly as written
// (escaped: `\,` `\;` `\n` stay as they are); Text and SetText convert TEXT
// values. Write compares a property with its original line to decide whether
// to write the original text, so fields may be changed directly.
type Property struct {
	// Group is the optional group prefix ("item1" in "item1.X-FOO"), as
	// written.
	Group string
	// Name is the property name in upper case.
	Name string
	// Params are the parameters in order.
	Params []Param
	// Value is the raw, escaped value.
	Value string
	// Line is the 1-based line the property started on (0 when built in
	// memory).
	Line int

	// raw is the original unfolded line (charset-decoded to UTF-8), "" for a
	// property built in memory.
	raw string
}

// Param is one property parameter.
type Param struct {
	// Name is the parameter name in upper case. For a Bare parameter it is
	// the whole segment as written.
	Name string
	// Values are the values, unquoted and RFC 6868-decoded, split on commas
	// outside quotes.
	Values []string
	// Quoted reports that the value was written in double quotes; Write
	// quotes it again (and always quotes values holding ':', ';' or ',').
	Quoted bool
	// Bare marks a segment that is not NAME=VALUE (`TZIDAsia/Tehran`): it is
	// kept and written back verbatim from Name.
	Bare bool
}

// NewProperty returns a property built in memory. value is the raw escaped
// value; use SetText for text.
func NewProperty(name, value string) *Property {
	return &Property{Name: strings.ToUpper(name), Value: value}
}

// NewComponent returns an empty component.
func NewComponent(name string) *Component {
	return &Component{Name: strings.ToUpper(name)}
}

// Raw returns the original unfolded content line the property was read
// from, or "" for a property built in memory.
func (p *Property) Raw() string { return p.raw }

// Clone returns a deep copy of the property; it still counts as unchanged
// against its original line.
func (p *Property) Clone() *Property {
	q := *p
	q.Params = make([]Param, len(p.Params))
	for i, pa := range p.Params {
		pa.Values = slices.Clone(pa.Values)
		q.Params[i] = pa
	}
	return &q
}

// Param returns the first value of the named parameter (case-insensitive),
// or "".
func (p *Property) Param(name string) string {
	for _, pa := range p.Params {
		if !pa.Bare && strings.EqualFold(pa.Name, name) && len(pa.Values) > 0 {
			return pa.Values[0]
		}
	}
	return ""
}

// ParamValues returns every value of the named parameter across all its
// occurrences, in order.
func (p *Property) ParamValues(name string) []string {
	var out []string
	for _, pa := range p.Params {
		if !pa.Bare && strings.EqualFold(pa.Name, name) {
			out = append(out, pa.Values...)
		}
	}
	return out
}

// GetParam returns the first named parameter and whether it exists.
func (p *Property) GetParam(name string) (Param, bool) {
	for _, pa := range p.Params {
		if !pa.Bare && strings.EqualFold(pa.Name, name) {
			return pa, true
		}
	}
	return Param{}, false
}

// HasParam reports whether the named parameter is present.
func (p *Property) HasParam(name string) bool {
	_, ok := p.GetParam(name)
	return ok
}

// SetParam replaces every occurrence of the named parameter by one with the
// given values, at the position of the first occurrence (keeping whether it
// was quoted), else at the end. No values removes the parameter.
func (p *Property) SetParam(name string, values ...string) {
	upper := strings.ToUpper(name)
	out := make([]Param, 0, len(p.Params)+1)
	placed := false
	for _, pa := range p.Params {
		if !pa.Bare && pa.Name == upper {
			if !placed && len(values) > 0 {
				out = append(out, Param{Name: upper, Values: slices.Clone(values), Quoted: pa.Quoted})
			}
			placed = true
			continue
		}
		out = append(out, pa)
	}
	if !placed && len(values) > 0 {
		out = append(out, Param{Name: upper, Values: slices.Clone(values)})
	}
	p.Params = out
}

// RemoveParam removes every occurrence of the named parameter.
func (p *Property) RemoveParam(name string) { p.SetParam(name) }

// Text returns the value unescaped as TEXT: \n and \N become a line feed,
// \\ \; \, (and the non-standard \:) the character; any other backslash is
// kept.
func (p *Property) Text() string { return UnescapeText(p.Value) }

// SetText sets the value to s escaped as TEXT.
func (p *Property) SetText(s string) { p.Value = EscapeText(s) }

// Texts returns a multi-valued TEXT value (CATEGORIES, RESOURCES) split on
// commas that are not escaped, each part unescaped.
func (p *Property) Texts() []string {
	parts := SplitUnescaped(p.Value, ',')
	for i, s := range parts {
		parts[i] = UnescapeText(s)
	}
	return parts
}

// SetTexts sets a multi-valued TEXT value.
func (p *Property) SetTexts(values []string) {
	esc := make([]string, len(values))
	for i, s := range values {
		esc[i] = EscapeText(s)
	}
	p.Value = strings.Join(esc, ",")
}

// propHolder is the property list shared by Calendar and Component.
type propHolder = []*Property

// getProp returns the first property named name.
func getProp(props propHolder, name string) *Property {
	for _, p := range props {
		if p != nil && strings.EqualFold(p.Name, name) {
			return p
		}
	}
	return nil
}

// allProps returns every property named name.
func allProps(props propHolder, name string) []*Property {
	var out []*Property
	for _, p := range props {
		if p != nil && strings.EqualFold(p.Name, name) {
			out = append(out, p)
		}
	}
	return out
}

// setProp puts p in place of the first property with its name and drops the
// others with that name; it appends p when there is none.
func setProp(props propHolder, p *Property) propHolder {
	out := props[:0:0]
	placed := false
	for _, q := range props {
		if q != nil && strings.EqualFold(q.Name, p.Name) {
			if !placed {
				out = append(out, p)
				placed = true
			}
			continue
		}
		out = append(out, q)
	}
	if !placed {
		out = append(out, p)
	}
	return out
}

// removeProps drops every property named name and returns how many went.
func removeProps(props propHolder, name string) (propHolder, int) {
	out := props[:0:0]
	n := 0
	for _, q := range props {
		if q != nil && strings.EqualFold(q.Name, name) {
			n++
			continue
		}
		out = append(out, q)
	}
	return out, n
}

// Prop returns the first property with the given name (case-insensitive),
// or nil.
func (c *Component) Prop(name string) *Property { return getProp(c.Props, name) }

// All returns every property with the given name, in order. (The method
// the contract called Props(name); a method cannot share the field's name.)
func (c *Component) All(name string) []*Property { return allProps(c.Props, name) }

// Text returns the unescaped TEXT value of the first property with the
// given name, or "".
func (c *Component) Text(name string) string {
	if p := c.Prop(name); p != nil {
		return p.Text()
	}
	return ""
}

// Set replaces the first property with p's name by p (keeping its position)
// and removes any others with that name; with none, p is appended.
func (c *Component) Set(p *Property) { c.Props = setProp(c.Props, p) }

// SetText sets the named property to a TEXT value, creating it when absent
// (an existing property keeps its parameters).
func (c *Component) SetText(name, text string) {
	if p := c.Prop(name); p != nil {
		p.SetText(text)
		return
	}
	p := NewProperty(name, "")
	p.SetText(text)
	c.Props = append(c.Props, p)
}

// Add appends a property.
func (c *Component) Add(p *Property) { c.Props = append(c.Props, p) }

// Remove removes every property with the given name and returns how many
// were removed.
func (c *Component) Remove(name string) int {
	var n int
	c.Props, n = removeProps(c.Props, name)
	return n
}

// Child returns the first child component with the given name, or nil.
func (c *Component) Child(name string) *Component { return firstComp(c.Children, name) }

// ChildrenNamed returns the child components with the given name.
func (c *Component) ChildrenNamed(name string) []*Component { return compsNamed(c.Children, name) }

// AddChild appends a child component.
func (c *Component) AddChild(child *Component) { c.Children = append(c.Children, child) }

// RemoveChildren removes the child components with the given name and
// returns how many were removed.
func (c *Component) RemoveChildren(name string) int {
	var n int
	c.Children, n = removeComps(c.Children, name)
	return n
}

// Prop returns the first calendar property with the given name, or nil.
func (cal *Calendar) Prop(name string) *Property { return getProp(cal.Props, name) }

// All returns every calendar property with the given name, in order.
func (cal *Calendar) All(name string) []*Property { return allProps(cal.Props, name) }

// Text returns the unescaped TEXT value of the first calendar property with
// the given name, or "".
func (cal *Calendar) Text(name string) string {
	if p := cal.Prop(name); p != nil {
		return p.Text()
	}
	return ""
}

// Set replaces the first calendar property with p's name by p and removes
// the others; with none, p is appended.
func (cal *Calendar) Set(p *Property) { cal.Props = setProp(cal.Props, p) }

// Add appends a calendar property.
func (cal *Calendar) Add(p *Property) { cal.Props = append(cal.Props, p) }

// Remove removes every calendar property with the given name and returns
// how many were removed.
func (cal *Calendar) Remove(name string) int {
	var n int
	cal.Props, n = removeProps(cal.Props, name)
	return n
}

// Component returns the first top-level component with the given name, or
// nil.
func (cal *Calendar) Component(name string) *Component { return firstComp(cal.Components, name) }

// ComponentsNamed returns the top-level components with the given name
// ("VEVENT"), in order.
func (cal *Calendar) ComponentsNamed(name string) []*Component {
	return compsNamed(cal.Components, name)
}

// AddComponent appends a top-level component.
func (cal *Calendar) AddComponent(c *Component) { cal.Components = append(cal.Components, c) }

// RemoveComponents removes the top-level components with the given name and
// returns how many were removed.
func (cal *Calendar) RemoveComponents(name string) int {
	var n int
	cal.Components, n = removeComps(cal.Components, name)
	return n
}

// Timezones returns the VTIMEZONE components.
func (cal *Calendar) Timezones() []*Component { return cal.ComponentsNamed("VTIMEZONE") }

// Timezone returns the VTIMEZONE whose TZID matches tzid, the (unquoted)
// value of a TZID parameter. The VTIMEZONE's TZID property is unescaped
// before comparing (`TZID:Kuala Lumpur\, Singapore` matches
// `TZID="Kuala Lumpur, Singapore"`); an exact match wins over one that only
// matches after trimming spaces and ignoring case. It returns nil when none
// matches.
func (cal *Calendar) Timezone(tzid string) *Component { return FindTimezone(cal.Timezones(), tzid) }

// FindTimezone returns the VTIMEZONE among zones whose TZID matches tzid
// (see Calendar.Timezone), or nil.
func FindTimezone(zones []*Component, tzid string) *Component {
	var loose *Component
	want := strings.TrimSpace(tzid)
	for _, z := range zones {
		if z == nil || z.Name != "VTIMEZONE" {
			continue
		}
		p := z.Prop("TZID")
		if p == nil {
			continue
		}
		id := p.Text()
		if id == tzid {
			return z
		}
		if loose == nil && strings.EqualFold(strings.TrimSpace(id), want) {
			loose = z
		}
	}
	return loose
}

// firstComp returns the first component named name.
func firstComp(comps []*Component, name string) *Component {
	for _, c := range comps {
		if c != nil && strings.EqualFold(c.Name, name) {
			return c
		}
	}
	return nil
}

// compsNamed returns the components named name.
func compsNamed(comps []*Component, name string) []*Component {
	var out []*Component
	for _, c := range comps {
		if c != nil && strings.EqualFold(c.Name, name) {
			out = append(out, c)
		}
	}
	return out
}

// removeComps drops the components named name.
func removeComps(comps []*Component, name string) ([]*Component, int) {
	out := comps[:0:0]
	n := 0
	for _, c := range comps {
		if c != nil && strings.EqualFold(c.Name, name) {
			n++
			continue
		}
		out = append(out, c)
	}
	return out, n
}
