package contactcard

import (
	"slices"
	"strings"

	"fieldbook/backend/crm"
	"fieldbook/backend/vcard"
)

// Patch returns a copy of base changed so that FromCard reads f (after
// Canonical) from it; base itself is not modified. Only the properties that
// carry a field that differs between FromCard(base) and f are touched:
//
//   - names: N is rewritten (added when missing); FN follows when it was
//     derived from the old fields (it equalled the old display name or
//     held exactly the old name parts) and is otherwise kept, unless
//     keeping it would make FromCard read the names wrongly;
//   - company or department: the first ORG is rewritten, keeping units
//     beyond the second when the department still ends with them;
//   - nickname: the first nickname is replaced, other nicknames stay;
//   - title, notes, profile: the first property that has a value gets the
//     new one, the others that have a value are removed;
//   - e-mails, phones, web addresses, postal addresses: properties whose
//     value and label are still wanted are kept as they are (moved, when
//     the order changed); the others are removed together with their
//     X-ABLabel/X-ABADR when nothing else is left in their group (and, for
//     addresses, with 2.1/3.0 LABEL properties of the same label); new rows
//     are added next to the kept ones; a preference mark is kept only on
//     the first row;
//   - birthday, anniversary: every property that holds a readable date of
//     the field gets the new date in its own style (basic or extended,
//     Apple's X-APPLE-OMIT-YEAR), or they are removed; a new one is BDAY or
//     X-ANNIVERSARY;
//   - tags: the first CATEGORIES gets every tag, the others are removed.
//
// Every other property is the same Property value as in base (a copy), so
// Encode writes it from its original bytes when the target version is the
// card's version. A nil base gives NewCard(f, "").
func Patch(base *vcard.Card, f crm.ContactFields) *vcard.Card {
	if base == nil {
		return NewCard(f, "")
	}
	f = Canonical(f)
	c := cloneCard(base)
	old, _ := FromCard(c)
	pt := &patcher{c: c, groups: newGroupNamer(c)}
	if old.Company != f.Company || old.Department != f.Department {
		pt.org(f.Company, f.Department)
	}
	if old.Nickname != f.Nickname {
		pt.nickname(f.Nickname)
	}
	if old.Title != f.Title {
		pt.text("TITLE", f.Title)
	}
	if old.Notes != f.Notes {
		pt.text("NOTE", f.Notes)
	}
	if old.Profile != f.Profile {
		pt.text(ProfileProperty, f.Profile)
	}
	for _, l := range []struct {
		name     string
		old, new []crm.LabeledValue
	}{{"EMAIL", old.Emails, f.Emails}, {"TEL", old.Phones, f.Phones}, {"URL", old.URLs, f.URLs}} {
		if !slices.Equal(l.old, l.new) {
			pt.rows(l.name, l.new)
		}
	}
	if !slices.Equal(old.Addresses, f.Addresses) {
		pt.addresses(f.Addresses)
	}
	if old.Birthday != f.Birthday {
		pt.date(birthdayProps, "BDAY", f.Birthday)
	}
	if old.Anniversary != f.Anniversary {
		pt.date(anniversaryProps, "X-ANNIVERSARY", f.Anniversary)
	}
	if !slices.Equal(old.Tags, f.Tags) {
		pt.tags(f.Tags)
	}
	pt.names(old, f)
	pt.dropOrphanGroups()
	return c
}

// patcher edits a copied card.
type patcher struct {
	c       *vcard.Card
	groups  *groupNamer
	removed []string // groups of removed properties
}

// cloneCard copies a card and its properties (parameters included), so
// the copy can be edited without touching the original.
func cloneCard(base *vcard.Card) *vcard.Card {
	c := *base
	c.Properties = make([]*vcard.Property, 0, len(base.Properties))
	for _, p := range base.Properties {
		if p == nil {
			continue
		}
		q := *p
		if p.Params != nil {
			q.Params = make([]vcard.Param, len(p.Params))
			for i, pa := range p.Params {
				pa.Values = slices.Clone(pa.Values)
				q.Params[i] = pa
			}
		}
		c.Properties = append(c.Properties, &q)
	}
	return &c
}

// remove deletes p and remembers its group for dropOrphanGroups.
func (pt *patcher) remove(p *vcard.Property) {
	if pt.c.Remove(p) && p.Group != "" {
		pt.removed = append(pt.removed, p.Group)
	}
}

// dropOrphanGroups removes what is left of the groups of removed
// properties when only labels (X-ABLabel, X-ABADR) remain.
func (pt *patcher) dropOrphanGroups() {
	for _, g := range pt.removed {
		members := pt.c.Group(g)
		orphan := true
		for _, m := range members {
			if m.Name != "X-ABLABEL" && m.Name != "X-ABADR" {
				orphan = false
				break
			}
		}
		if orphan && len(members) > 0 {
			pt.c.RemoveGroup(g)
		}
	}
}

// makeText clears the parameters that would stop an edited property from
// being written and read back as plain text: an ENCODING (base64 or
// quoted-printable; output is 8-bit UTF-8 anyway) and a VALUE naming a URI
// or binary.
func makeText(p *vcard.Property) {
	p.SetParam("ENCODING")
	switch strings.ToLower(strings.TrimSpace(p.Param("VALUE"))) {
	case "uri", "url", "content-id", "cid", "binary":
		p.SetParam("VALUE")
	}
}

// text sets a single-valued text field (TITLE, NOTE, the profile).
func (pt *patcher) text(name, v string) {
	var carriers []*vcard.Property
	all := pt.c.All(name)
	for _, p := range all {
		if readText(name, p.Value) != "" {
			carriers = append(carriers, p)
		}
	}
	if v == "" {
		for _, p := range carriers {
			pt.remove(p)
		}
		return
	}
	var target *vcard.Property
	switch {
	case len(carriers) > 0:
		target = carriers[0]
		for _, p := range carriers[1:] {
			pt.remove(p)
		}
	case len(all) > 0:
		target = all[0]
	default:
		pt.c.Add(textProp(name, v))
		return
	}
	makeText(target)
	target.SetValue(v)
}

// nickname replaces the first nickname, keeping any others.
func (pt *patcher) nickname(v string) {
	all := pt.c.All("NICKNAME")
	if v == "" {
		for _, p := range all {
			pt.remove(p)
		}
		return
	}
	for _, p := range all {
		items := p.Values()
		for k, it := range items {
			if crm.CleanLine(it) == "" {
				continue
			}
			rest := []string{v}
			for _, more := range items[k+1:] {
				if crm.CleanLine(more) != "" {
					rest = append(rest, more)
				}
			}
			makeText(p)
			p.SetValues(rest...)
			return
		}
	}
	if len(all) > 0 {
		makeText(all[0])
		all[0].SetValues(v)
		return
	}
	pt.c.Add(nicknameProp(v))
}

// org rewrites the first ORG. Units beyond the second are kept when the
// new department still ends with them (FromCard joins them into the
// department).
func (pt *patcher) org(company, department string) {
	all := pt.c.All("ORG")
	if company == "" && department == "" {
		for _, p := range all {
			pt.remove(p)
		}
		return
	}
	if len(all) == 0 {
		pt.c.Add(orgProp(company, department, nil))
		return
	}
	p := all[0]
	var extra, shown []string
	for i, comp := range p.Components() {
		if i < 2 {
			continue
		}
		u := strings.Join(comp, ",")
		extra = append(extra, u)
		if u = crm.CleanLine(u); u != "" {
			shown = append(shown, u)
		}
	}
	unit := department
	tail := strings.Join(shown, ", ")
	switch {
	case tail == "":
		extra = nil
	case department == tail:
		unit = ""
	case strings.HasSuffix(department, ", "+tail) && crm.CleanLine(strings.TrimSuffix(department, ", "+tail)) == strings.TrimSuffix(department, ", "+tail):
		unit = strings.TrimSuffix(department, ", "+tail)
	default:
		extra = nil
	}
	units := []string{company}
	if unit != "" || len(extra) > 0 {
		units = append(units, unit)
	}
	makeText(p)
	p.SetComponentStrings(append(units, extra...)...)
}

// tags puts every tag into the first CATEGORIES that has any and removes
// the other ones.
func (pt *patcher) tags(tags []string) {
	var carriers []*vcard.Property
	for _, p := range pt.c.All("CATEGORIES") {
		if len(crm.CleanTags(p.Values())) > 0 {
			carriers = append(carriers, p)
		}
	}
	if len(tags) == 0 {
		for _, p := range carriers {
			pt.remove(p)
		}
		return
	}
	if len(carriers) == 0 {
		pt.c.Add(tagsProp(tags))
		return
	}
	for _, p := range carriers[1:] {
		pt.remove(p)
	}
	makeText(carriers[0])
	carriers[0].SetValues(tags...)
}

// date sets the birthday or anniversary: every property of the field that
// holds a readable date gets v, or is removed when v is empty; newName is
// the property added when there is none.
func (pt *patcher) date(props func(*vcard.Card) []*vcard.Property, newName, v string) {
	var carriers []*vcard.Property
	for _, p := range props(pt.c) {
		if _, ok := propDate(p); ok {
			carriers = append(carriers, p)
		}
	}
	d, ok := parseDate(v)
	if !ok {
		for _, p := range carriers {
			pt.remove(p)
		}
		return
	}
	if len(carriers) == 0 {
		pt.c.Add(vcard.NewProperty(newName, d.String()))
		return
	}
	for _, p := range carriers {
		makeText(p)
		setPropDate(p, d)
	}
}
