package contactcard

import (
	"strconv"
	"strings"

	"fieldbook/backend/vcard"
)

// typeLabels maps TYPE values to labels, in order of precedence.
var typeLabels = []struct{ typ, label string }{
	{"CELL", "mobile"}, {"IPHONE", "mobile"}, {"FAX", "fax"}, {"PAGER", "pager"},
	{"WORK", "work"}, {"HOME", "home"}, {"OTHER", "other"},
}

// ignoredTypes are TYPE values that say nothing a label would show.
var ignoredTypes = map[string]bool{
	"PREF": true, "INTERNET": true, "VOICE": true, "X400": true, "TEXT": true,
	"POSTAL": true, "PARCEL": true, "DOM": true, "INTL": true,
}

// writeTypes maps a canonical label to the TYPE value written for it, per
// property name; labels not listed are written as an X-ABLabel.
var writeTypes = map[string]map[string]string{
	"EMAIL": {"work": "WORK", "home": "HOME"},
	"TEL":   {"work": "WORK", "home": "HOME", "mobile": "CELL", "fax": "FAX", "pager": "PAGER"},
	"URL":   {"work": "WORK", "home": "HOME"},
	"ADR":   {"work": "WORK", "home": "HOME"},
}

// labelOf returns the canonical label of an EMAIL, TEL, URL or ADR
// property: its group's X-ABLabel, else its TYPE values, else "other".
func labelOf(c *vcard.Card, p *vcard.Property) string {
	if l := labelText(c.Label(p)); l != "" {
		return l
	}
	types := p.Types()
	for _, tl := range typeLabels {
		for _, t := range types {
			if t == tl.typ {
				return tl.label
			}
		}
	}
	for _, t := range types {
		if ignoredTypes[t] || strings.HasPrefix(t, "X-") {
			continue
		}
		return cleanLabel(t)
	}
	return "other"
}

// labelled returns a new property name:value carrying label (see
// applyLabel) and the X-ABLabel property that goes with it, or nil.
func labelled(name, value, label string, groups *groupNamer) (*vcard.Property, *vcard.Property) {
	p := vcard.NewProperty(name, "")
	p.SetValue(value)
	return p, applyLabel(p, label, groups)
}

// applyLabel gives the new property p the label the way labelOf reads it
// back: no TYPE for "other", a TYPE for a standard label, else a fresh
// group from groups and an X-ABLabel property in it, which is returned (nil
// otherwise).
func applyLabel(p *vcard.Property, label string, groups *groupNamer) *vcard.Property {
	label = cleanLabel(label)
	if label == "other" {
		return nil
	}
	if t, ok := writeTypes[p.Name][label]; ok {
		p.AddParam("TYPE", t)
		return nil
	}
	p.Group = groups.next()
	l := vcard.NewProperty("X-ABLabel", label)
	l.Group = p.Group
	return l
}

// groupNamer hands out group names ("item1", "item2", …) not yet used in a
// card.
type groupNamer struct {
	used map[string]bool
	n    int
}

// newGroupNamer returns a namer avoiding the groups of c.
func newGroupNamer(c *vcard.Card) *groupNamer {
	g := &groupNamer{used: map[string]bool{}}
	for _, p := range c.Properties {
		if p.Group != "" {
			g.used[strings.ToLower(p.Group)] = true
		}
	}
	return g
}

// next returns an unused group name.
func (g *groupNamer) next() string {
	for {
		g.n++
		name := "item" + strconv.Itoa(g.n)
		if !g.used[name] {
			g.used[name] = true
			return name
		}
	}
}
