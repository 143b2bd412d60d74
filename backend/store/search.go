package store

import (
	"strings"
	"unicode"

	"fieldbook/backend/crm"
)

// ftsInsertSQL adds one contact to the search index.
const ftsInsertSQL = `INSERT INTO contacts_fts (rowid, name, company, emails, phones, tags, notes) VALUES (?, ?, ?, ?, ?, ?, ?)`

// ftsArgs are the values of ftsInsertSQL for one contact. The index's
// columns hold: name (name parts and nickname), company (company,
// department, title), emails (e-mail and web addresses), phones, tags, and
// notes (notes, personal profile, postal addresses).
func ftsArgs(rowid int64, f crm.ContactFields) []any {
	name := strings.Join([]string{f.Prefix, f.GivenName, f.MiddleName, f.FamilyName, f.Suffix, f.Nickname}, " ")
	addrs := make([]string, 0, 2*(len(f.Emails)+len(f.URLs)+len(f.Addresses)))
	for _, v := range append(append([]crm.LabeledValue{}, f.Emails...), f.URLs...) {
		addrs = append(addrs, v.Value)
	}
	emails := strings.Join(addrs, " ")
	addrs = addrs[:0]
	for _, a := range f.Addresses {
		addrs = append(addrs, a.Street, a.City, a.Region, a.Postcode, a.Country)
	}
	return []any{rowid, name, strings.Join([]string{f.Company, f.Department, f.Title}, " "), emails,
		phoneTerms(f.Phones), strings.Join(f.Tags, " "), strings.Join(append([]string{f.Notes, f.Profile}, addrs...), " ")}
}

// phoneTerms indexes each phone number as written and, so that a number can
// be found by any run of its digits (as a caller ID shows it), every suffix
// of at least four digits of its digit string.
func phoneTerms(phones []crm.LabeledValue) string {
	var b strings.Builder
	for _, p := range phones {
		b.WriteString(p.Value)
		b.WriteByte(' ')
		digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, p.Value)
		for i := 0; i+4 <= len(digits); i++ {
			b.WriteString(digits[i:])
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// ftsQuery turns what a user typed into an FTS5 query: every word must match
// as a word prefix. Words are split like the unicode61 tokenizer splits
// them (letters, digits and combining marks form words), and each is quoted
// so no user text is read as FTS syntax. It returns "" when nothing is
// searchable.
func ftsQuery(input string) string {
	words := strings.FieldsFunc(input, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.Is(unicode.Co, r))
	})
	if len(words) == 0 {
		return ""
	}
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		b.WriteString(w) // words hold no '"': it is not a letter, digit or mark
		b.WriteString(`"*`)
	}
	return b.String()
}
