package contactcard

import (
	"math/rand/v2"
	"slices"
	"strings"

	"fieldbook/backend/crm"
)

// Random contact fields for property tests: unicode, separators, escapes,
// line breaks, labels outside the standard set, odd dates.

var textPieces = []string{
	"a", "Bob", "Zoë", "Ægir", "ß", "日本語", "Москва", "العربية", "😀", "বাংলা", "Ελλάδα",
	" ", "  ", ",", ";", "\\", ":", "\"", "^", "'", "\t", "=", "<", ">", "_$!<", ">!$_",
	`\n`, `\,`, `\;`, "x", "O'Brien", "tel:", "=0D=0A", "BEGIN:VCARD", "END:VCARD", "item1.",
}

var labelChoices = []string{
	"", "work", "home", "mobile", "other", "fax", "pager", "Work", "HOME", " Mobile ", "blog",
	"profile", "Custom Label", "_$!<HomePage>!$_", "_$!<Mobile>!$_", "x-foo", "semi;colon",
	"comma,label", "ünïcode", "cell", "main", "pref", "internet",
}

var dateChoices = []string{
	"", "1985-03-17", "19850317", "--03-17", "--0317", "2000-02-29", "--02-29", "1985-02-30",
	"garbage", "1604-01-01", "0001-01-01", "1999-12-31T10:00:00Z", "2024-1-5", " 1970-01-01 ",
}

// randText returns a random string; multiline adds line breaks.
func randText(r *rand.Rand, multiline bool) string {
	n := r.IntN(8)
	var b strings.Builder
	for range n {
		switch k := r.IntN(20); {
		case multiline && k == 0:
			b.WriteString([]string{"\n", "\r\n", "\r", "\n\n"}[r.IntN(4)])
		case k == 1 && r.IntN(10) == 0:
			b.WriteString("\xff") // invalid UTF-8
		default:
			b.WriteString(textPieces[r.IntN(len(textPieces))])
		}
	}
	return b.String()
}

// randLabel returns a label, mostly from the usual choices.
func randLabel(r *rand.Rand) string {
	if r.IntN(6) == 0 {
		return randText(r, false)
	}
	return labelChoices[r.IntN(len(labelChoices))]
}

// randValue returns a row value: plausible or random text.
func randValue(r *rand.Rand, kind string) string {
	if r.IntN(3) == 0 {
		return randText(r, false)
	}
	switch kind {
	case "emails":
		return []string{"a@b.test", "Zoë@exämple.test", "x+y@z.test", "\"Bob\" <bob@x.test>", "a,b@c.test"}[r.IntN(5)]
	case "phones":
		return []string{"+1 555 0100", "(030) 123-45", "tel:+49-30-1", "555;ext=7", "12 34 56"}[r.IntN(5)]
	}
	return []string{"https://a.test/x?y=1,2;3", "http\\://b.test", "www.c.test", "https://d.test/ü"}[r.IntN(4)]
}

// randRows returns 0–4 labelled rows.
func randRows(r *rand.Rand, kind string) []crm.LabeledValue {
	var out []crm.LabeledValue
	for range r.IntN(5) {
		out = append(out, crm.LabeledValue{Label: randLabel(r), Value: randValue(r, kind)})
	}
	return out
}

// randAddress returns an address with random parts.
func randAddress(r *rand.Rand) crm.Address {
	part := func() string {
		if r.IntN(3) == 0 {
			return ""
		}
		return randText(r, false)
	}
	return crm.Address{Label: randLabel(r), Street: randText(r, true), City: part(), Region: part(), Postcode: part(), Country: part()}
}

// randFields returns entirely random fields.
func randFields(r *rand.Rand) crm.ContactFields {
	f := crm.ContactFields{}
	for _, s := range []*string{&f.Prefix, &f.GivenName, &f.MiddleName, &f.FamilyName, &f.Suffix,
		&f.Nickname, &f.Company, &f.Department, &f.Title} {
		if r.IntN(2) == 0 {
			*s = randText(r, r.IntN(5) == 0)
		}
	}
	f.Notes = randText(r, true)
	f.Profile = randText(r, true)
	f.Emails = randRows(r, "emails")
	f.Phones = randRows(r, "phones")
	f.URLs = randRows(r, "urls")
	for range r.IntN(3) {
		f.Addresses = append(f.Addresses, randAddress(r))
	}
	f.Birthday = dateChoices[r.IntN(len(dateChoices))]
	f.Anniversary = dateChoices[r.IntN(len(dateChoices))]
	for range r.IntN(4) {
		f.Tags = append(f.Tags, randText(r, false))
	}
	return f
}

// editFields changes one to three random fields of f the way a user would:
// set or clear a text, add, remove, relabel or reorder rows, and so on.
func editFields(r *rand.Rand, f crm.ContactFields) crm.ContactFields {
	f = Canonical(f)
	f.Emails, f.Phones, f.URLs = slices.Clone(f.Emails), slices.Clone(f.Phones), slices.Clone(f.URLs)
	f.Addresses, f.Tags = slices.Clone(f.Addresses), slices.Clone(f.Tags)
	for range 1 + r.IntN(3) {
		editOne(r, &f)
	}
	return f
}

// editOne makes one random edit.
func editOne(r *rand.Rand, f *crm.ContactFields) {
	text := func(multi bool) string {
		if r.IntN(4) == 0 {
			return ""
		}
		return randText(r, multi)
	}
	switch r.IntN(17) {
	case 0:
		f.GivenName = text(false)
	case 1:
		f.FamilyName, f.Prefix = text(false), text(false)
	case 2:
		f.Prefix, f.GivenName, f.MiddleName, f.FamilyName, f.Suffix = "", "", "", "", ""
	case 3:
		f.Nickname = text(false)
	case 4:
		f.Company = text(false)
	case 5:
		f.Department = text(false)
	case 6:
		f.Title = text(false)
	case 7:
		f.Notes = text(true)
	case 8:
		f.Profile = text(true)
	case 9:
		f.Emails = editRows(r, f.Emails, "emails")
	case 10:
		f.Phones = editRows(r, f.Phones, "phones")
	case 11:
		f.URLs = editRows(r, f.URLs, "urls")
	case 12:
		f.Addresses = editAddresses(r, f.Addresses)
	case 13:
		f.Birthday = dateChoices[r.IntN(len(dateChoices))]
	case 14:
		f.Anniversary = dateChoices[r.IntN(len(dateChoices))]
	case 15:
		switch {
		case len(f.Tags) > 0 && r.IntN(2) == 0:
			f.Tags = slices.Delete(f.Tags, 0, 1)
		default:
			f.Tags = append(f.Tags, randText(r, false))
		}
	case 16:
		*f = randFields(r)
	}
}

// editRows adds, removes, relabels, changes or reorders rows.
func editRows(r *rand.Rand, rows []crm.LabeledValue, kind string) []crm.LabeledValue {
	switch k := r.IntN(6); {
	case k == 0 || len(rows) == 0:
		at := r.IntN(len(rows) + 1)
		return slices.Insert(rows, at, crm.LabeledValue{Label: randLabel(r), Value: randValue(r, kind)})
	case k == 1:
		i := r.IntN(len(rows))
		return slices.Delete(rows, i, i+1)
	case k == 2:
		rows[r.IntN(len(rows))].Label = randLabel(r)
	case k == 3:
		rows[r.IntN(len(rows))].Value = randValue(r, kind)
	case k == 4:
		r.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
	default:
		return nil
	}
	return rows
}

// editAddresses adds, removes or changes an address.
func editAddresses(r *rand.Rand, as []crm.Address) []crm.Address {
	switch k := r.IntN(4); {
	case k == 0 || len(as) == 0:
		return append(as, randAddress(r))
	case k == 1:
		i := r.IntN(len(as))
		return slices.Delete(as, i, i+1)
	case k == 2:
		i := r.IntN(len(as))
		as[i].City = randText(r, false)
		as[i].Label = randLabel(r)
	default:
		r.Shuffle(len(as), func(i, j int) { as[i], as[j] = as[j], as[i] })
	}
	return as
}
