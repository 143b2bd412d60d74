package contactcard

import (
	"slices"
	"strings"

	"fieldbook/backend/crm"
	"fieldbook/backend/vcard"
)

// names writes N and FN for the new fields f (old are the fields read from
// the card before patching). N is rewritten when the name parts changed.
// FN follows the new display name when it was derived from the old fields;
// a hand-written FN is kept. Finally, if the card would still read other
// names than f's (an FN taken as a name that now repeats a changed
// company, say), N and FN are both written.
func (pt *patcher) names(old, f crm.ContactFields) {
	oldN, newN := namesOfFields(old), namesOfFields(f)
	if oldN != newN {
		pt.setN(newN)
	}
	fn := pt.c.Get("FN")
	if fn == nil {
		pt.setFN(fnFor(f))
	} else if fnFor(f) != fnFor(old) && derivedFN(crm.CleanLine(fn.Value), old) {
		pt.setFN(fnFor(f))
	}
	if namesOf(pt.c, f) != newN {
		pt.setN(newN)
		pt.setFN(fnFor(f))
	}
}

// derivedFN reports whether fn was made from the fields: it is empty, the
// display name, or exactly the name parts in another order.
func derivedFN(fn string, f crm.ContactFields) bool {
	if fn == "" || fn == fnFor(f) {
		return true
	}
	n := namesOfFields(f)
	parts := strings.Fields(strings.Join([]string{n.prefix, n.given, n.middle, n.family, n.suffix}, " "))
	words := strings.Fields(strings.ReplaceAll(fn, ",", " "))
	if len(parts) == 0 {
		return false
	}
	slices.Sort(parts)
	slices.Sort(words)
	return slices.Equal(parts, words)
}

// setN writes the name parts into the first N, or adds N after FN (or
// VERSION).
func (pt *patcher) setN(n names) {
	if p := pt.c.Get("N"); p != nil {
		setN(p, n)
		return
	}
	pt.insertAfterHead(nProp(n), "FN", "VERSION")
}

// setFN sets the first FN, or adds one after VERSION.
func (pt *patcher) setFN(v string) {
	if p := pt.c.Get("FN"); p != nil {
		makeText(p)
		p.SetValue(v)
		return
	}
	pt.insertAfterHead(textProp("FN", v), "VERSION")
}

// insertAfterHead inserts p after the first property named by one of
// after (tried in order), else at the start.
func (pt *patcher) insertAfterHead(p *vcard.Property, after ...string) {
	for _, name := range after {
		if ref := pt.c.Get(name); ref != nil {
			pt.c.InsertAfter(ref, p)
			return
		}
	}
	pt.c.Properties = append([]*vcard.Property{p}, pt.c.Properties...)
}

// equalFold is strings.EqualFold.
func equalFold(a, b string) bool { return strings.EqualFold(a, b) }
