package contactcard

import (
	"fieldbook/backend/crm"
	"fieldbook/backend/vcard"
)

// NewCard builds a vCard 3.0 card for f (normalised with Canonical first):
// VERSION, UID (when uid is not empty), FN, N (always, five components),
// then only the fields that have a value: X-ABShowAs:COMPANY for a company
// without a person's name, NICKNAME, ORG, TITLE, EMAIL, TEL, ADR, URL,
// BDAY, X-ANNIVERSARY, NOTE, X-FIELDBOOK-PROFILE and CATEGORIES.
//
// FN is f.DisplayName(), else the first phone number or web address; it is
// empty only for a contact with none of these, which the contacts service
// refuses. A birthday without a year is written "--MM-DD" (vCard 4.0 and
// ISO 8601 syntax, which Google, Nextcloud, DAVx5 and Evolution read).
func NewCard(f crm.ContactFields, uid string) *vcard.Card {
	f = Canonical(f)
	c := &vcard.Card{Version: vcard.Version30}
	c.Add(vcard.NewProperty("VERSION", vcard.Version30))
	if uid != "" {
		c.Add(vcard.NewProperty("UID", uid))
	}
	c.Add(textProp("FN", fnFor(f)), nProp(namesOfFields(f)))
	if namesOfFields(f).empty() && f.Company != "" {
		c.Add(vcard.NewProperty("X-ABShowAs", "COMPANY"))
	}
	if f.Nickname != "" {
		c.Add(nicknameProp(f.Nickname))
	}
	if f.Company != "" || f.Department != "" {
		c.Add(orgProp(f.Company, f.Department, nil))
	}
	if f.Title != "" {
		c.Add(textProp("TITLE", f.Title))
	}
	groups := newGroupNamer(c)
	addRows(c, "EMAIL", f.Emails, groups)
	addRows(c, "TEL", f.Phones, groups)
	for _, a := range f.Addresses {
		p, l := adrProp(a, groups)
		c.Add(p)
		addIf(c, l)
	}
	addRows(c, "URL", f.URLs, groups)
	if d, ok := parseDate(f.Birthday); ok {
		c.Add(vcard.NewProperty("BDAY", d.String()))
	}
	if d, ok := parseDate(f.Anniversary); ok {
		c.Add(vcard.NewProperty("X-ANNIVERSARY", d.String()))
	}
	if f.Notes != "" {
		c.Add(textProp("NOTE", f.Notes))
	}
	if f.Profile != "" {
		c.Add(textProp(ProfileProperty, f.Profile))
	}
	if len(f.Tags) > 0 {
		c.Add(tagsProp(f.Tags))
	}
	return c
}

// fnFor returns the formatted name written for canonical fields f.
func fnFor(f crm.ContactFields) string {
	if dn := f.DisplayName(); dn != "" {
		return dn
	}
	for _, list := range [][]crm.LabeledValue{f.Phones, f.URLs} {
		if len(list) > 0 {
			return list[0].Value
		}
	}
	return ""
}

// textProp returns a new text property.
func textProp(name, value string) *vcard.Property {
	p := vcard.NewProperty(name, "")
	p.SetValue(value)
	return p
}

// nProp returns a new N property.
func nProp(n names) *vcard.Property {
	p := vcard.NewProperty("N", "")
	setN(p, n)
	return p
}

// setN writes the five name parts into an N property.
func setN(p *vcard.Property, n names) {
	p.SetComponentStrings(n.family, n.given, n.middle, n.prefix, n.suffix)
}

// nicknameProp returns a new NICKNAME property.
func nicknameProp(nick string) *vcard.Property {
	p := vcard.NewProperty("NICKNAME", "")
	p.SetValues(nick)
	return p
}

// orgProp returns a new ORG property: company, department, then the extra
// units (kept from an ORG being rewritten).
func orgProp(company, department string, extra []string) *vcard.Property {
	p := vcard.NewProperty("ORG", "")
	units := []string{company}
	if department != "" || len(extra) > 0 {
		units = append(units, department)
	}
	p.SetComponentStrings(append(units, extra...)...)
	return p
}

// tagsProp returns a new CATEGORIES property.
func tagsProp(tags []string) *vcard.Property {
	p := vcard.NewProperty("CATEGORIES", "")
	p.SetValues(tags...)
	return p
}

// adrProp returns a new ADR property for a and its X-ABLabel, if any.
// The street lines go into the street component.
func adrProp(a crm.Address, groups *groupNamer) (*vcard.Property, *vcard.Property) {
	p := vcard.NewProperty("ADR", "")
	p.SetComponentStrings("", "", a.Street, a.City, a.Region, a.Postcode, a.Country)
	return p, applyLabel(p, a.Label, groups)
}

// addRows appends a labelled property per row.
func addRows(c *vcard.Card, name string, rows []crm.LabeledValue, groups *groupNamer) {
	for _, r := range rows {
		p, l := labelled(name, r.Value, r.Label, groups)
		c.Add(p)
		addIf(c, l)
	}
}

// addIf appends p when it is not nil.
func addIf(c *vcard.Card, p *vcard.Property) {
	if p != nil {
		c.Add(p)
	}
}
