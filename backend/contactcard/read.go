package contactcard

import (
	"slices"
	"strings"

	"fieldbook/backend/crm"
	"fieldbook/backend/vcard"
)

// ProfileProperty is the X- property that carries the contact's personal
// profile (crm.ContactFields.Profile).
const ProfileProperty = "X-FIELDBOOK-PROFILE"

// anniversaryNames are the properties read as the anniversary, besides an
// Apple X-ABDATE labelled "_$!<Anniversary>!$_".
var anniversaryNames = []string{"ANNIVERSARY", "X-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY"}

// FromCard reads the contact fields and the UID of a card. The fields are
// in canonical form (see Canonical); uid is the UID value as written
// ("urn:uuid:…" included). A nil card gives empty fields.
func FromCard(c *vcard.Card) (f crm.ContactFields, uid string) {
	if c == nil {
		return f, ""
	}
	uid = c.Value("UID")
	f.Company, f.Department = orgOf(c)
	f.Nickname = nicknameOf(c)
	f.Title = textOf(c, "TITLE", false)
	f.Notes = textOf(c, "NOTE", true)
	f.Profile = textOf(c, ProfileProperty, true)
	f.Emails = values(prefFirst(rowsOf(c, "EMAIL")))
	f.Phones = values(prefFirst(rowsOf(c, "TEL")))
	f.URLs = values(prefFirst(rowsOf(c, "URL")))
	for _, r := range prefFirst(addressesOf(c)) {
		f.Addresses = append(f.Addresses, r.addr)
	}
	if d, ok := firstDate(birthdayProps(c)); ok {
		f.Birthday = d.String()
	}
	if d, ok := firstDate(anniversaryProps(c)); ok {
		f.Anniversary = d.String()
	}
	f.Tags = tagsOf(c)
	n := namesOf(c, f)
	f.Prefix, f.GivenName, f.MiddleName, f.FamilyName, f.Suffix = n.prefix, n.given, n.middle, n.family, n.suffix
	return f, uid
}

// names are the five name parts.
type names struct{ prefix, given, middle, family, suffix string }

// namesOfFields returns the name parts of f.
func namesOfFields(f crm.ContactFields) names {
	return names{f.Prefix, f.GivenName, f.MiddleName, f.FamilyName, f.Suffix}
}

// empty reports whether every part is empty.
func (n names) empty() bool { return n == names{} }

// namesOf reads N; when N is missing or empty, FN is taken as the given
// name unless it merely repeats the company, nickname, an e-mail address, a
// phone number or a web address, or Apple's X-ABShowAs says the card is a
// company. rest holds the other fields, already read.
func namesOf(c *vcard.Card, rest crm.ContactFields) names {
	if n := nProperty(c); n != nil {
		var parts [5]string
		for i, comp := range n.Components() {
			if i < 5 {
				parts[i] = crm.CleanLine(strings.Join(comp, " "))
			}
		}
		got := names{family: parts[0], given: parts[1], middle: parts[2], prefix: parts[3], suffix: parts[4]}
		if !got.empty() {
			return got
		}
	}
	fn := crm.CleanLine(c.Value("FN"))
	if fn == "" || strings.EqualFold(strings.TrimSpace(c.Value("X-ABSHOWAS")), "COMPANY") || fnIsNotAName(fn, rest) {
		return names{}
	}
	return names{given: fn}
}

// fnIsNotAName reports whether fn just repeats another field, as FN does
// on a card without a name.
func fnIsNotAName(fn string, f crm.ContactFields) bool {
	if strings.EqualFold(fn, f.Company) || strings.EqualFold(fn, f.Nickname) {
		return true
	}
	for _, list := range [][]crm.LabeledValue{f.Emails, f.Phones, f.URLs} {
		for _, v := range list {
			if strings.EqualFold(fn, v.Value) {
				return true
			}
		}
	}
	return false
}

// nProperty returns the first N property, or nil.
func nProperty(c *vcard.Card) *vcard.Property { return c.Get("N") }

// orgOf reads ORG: the first unit is the company, the others (non-empty)
// joined with ", " the department.
func orgOf(c *vcard.Card) (company, department string) {
	p := c.Get("ORG")
	if p == nil {
		return "", ""
	}
	comps := p.Components()
	var units []string
	for i, comp := range comps {
		u := crm.CleanLine(strings.Join(comp, ","))
		if i == 0 {
			company = u
		} else if u != "" {
			units = append(units, u)
		}
	}
	return company, strings.Join(units, ", ")
}

// nicknameOf returns the first non-empty nickname.
func nicknameOf(c *vcard.Card) string {
	for _, p := range c.All("NICKNAME") {
		for _, v := range p.Values() {
			if v = crm.CleanLine(v); v != "" {
				return v
			}
		}
	}
	return ""
}

// textOf returns the first non-empty value of the named text property, or
// with join every non-empty value joined by a line break.
func textOf(c *vcard.Card, name string, join bool) string {
	var parts []string
	for _, p := range c.All(name) {
		v := readText(name, p.Value)
		if v == "" {
			continue
		}
		if !join {
			return v
		}
		parts = append(parts, v)
	}
	return strings.Join(parts, "\n")
}

// readText cleans a text value the way its field is stored.
func readText(name, v string) string {
	if name == "TITLE" {
		return crm.CleanLine(v)
	}
	return cleanText(v)
}

// tagsOf reads every CATEGORIES value (split on unescaped commas).
func tagsOf(c *vcard.Card) []string {
	var tags []string
	for _, p := range c.All("CATEGORIES") {
		tags = append(tags, p.Values()...)
	}
	return crm.CleanTags(tags)
}

// row is one labelled value with the property it came from.
type row struct {
	p *vcard.Property
	v crm.LabeledValue
}

// prop returns the property the row came from.
func (r row) prop() *vcard.Property { return r.p }

// key identifies the row's value and label.
func (r row) key() string { return r.v.Label + "\x00" + r.v.Value }

// rowsOf reads the EMAIL, TEL or URL properties that have a value, in card
// order.
func rowsOf(c *vcard.Card, name string) []row {
	var out []row
	clean := cleanerFor(name)
	for _, p := range c.All(name) {
		v := clean(p.Value)
		if v == "" {
			continue
		}
		out = append(out, row{p, crm.LabeledValue{Label: labelOf(c, p), Value: v}})
	}
	return out
}

// prefFirst sorts rows stably so that preferred properties (TYPE=pref,
// PREF=n) come first, the most preferred first.
func prefFirst[R interface{ prop() *vcard.Property }](rows []R) []R {
	slices.SortStableFunc(rows, func(a, b R) int { return prefRank(a.prop()) - prefRank(b.prop()) })
	return rows
}

// prefRank orders preferred properties first.
func prefRank(p *vcard.Property) int {
	if n := p.Pref(); n > 0 {
		return n
	}
	return 101
}

// cleanerFor returns the value cleaner of a row property.
func cleanerFor(name string) func(string) string {
	switch name {
	case "EMAIL":
		return cleanEmail
	case "TEL":
		return cleanPhone
	}
	return crm.CleanLine
}

// values returns the labelled values of rows.
func values(rows []row) []crm.LabeledValue {
	if len(rows) == 0 {
		return nil
	}
	out := make([]crm.LabeledValue, len(rows))
	for i, r := range rows {
		out[i] = r.v
	}
	return out
}

// addrRow is one postal address with the property it came from.
type addrRow struct {
	p    *vcard.Property
	addr crm.Address
}

// prop returns the property the address came from.
func (r addrRow) prop() *vcard.Property { return r.p }

// key identifies the address with its label.
func (r addrRow) key() string { return addrKey(r.addr) }

// addrKey identifies an address with its label.
func addrKey(a crm.Address) string {
	return strings.Join([]string{a.Label, a.Street, a.City, a.Region, a.Postcode, a.Country}, "\x00")
}

// addressesOf reads the non-empty ADR properties in card order.
// Post office box, extended address and street become the street lines.
func addressesOf(c *vcard.Card) []addrRow {
	var out []addrRow
	for _, p := range c.All("ADR") {
		comps := p.Components()
		part := func(i int) string {
			if i < len(comps) {
				return strings.Join(comps[i], ", ")
			}
			return ""
		}
		var lines []string
		for i := 0; i < 3 && i < len(comps); i++ {
			lines = append(lines, comps[i]...)
		}
		a := canonicalAddress(crm.Address{
			Label:    labelOf(c, p),
			Street:   streetLines(lines),
			City:     part(3),
			Region:   part(4),
			Postcode: part(5),
			Country:  part(6),
		})
		if a.IsEmpty() {
			continue
		}
		out = append(out, addrRow{p, a})
	}
	return out
}

// birthdayProps returns the BDAY properties.
func birthdayProps(c *vcard.Card) []*vcard.Property { return c.All("BDAY") }

// anniversaryProps returns the properties that may carry the anniversary,
// in card order.
func anniversaryProps(c *vcard.Card) []*vcard.Property {
	var out []*vcard.Property
	for _, p := range c.Properties {
		if slices.Contains(anniversaryNames, p.Name) ||
			p.Name == "X-ABDATE" && labelText(c.Label(p)) == "anniversary" {
			out = append(out, p)
		}
	}
	return out
}

// firstDate returns the first date that can be read from props.
func firstDate(props []*vcard.Property) (date, bool) {
	for _, p := range props {
		if d, ok := propDate(p); ok {
			return d, true
		}
	}
	return date{}, false
}
