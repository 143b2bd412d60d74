package contactcard

import (
	"net/mail"
	"reflect"
	"strings"

	"fieldbook/backend/crm"
)

// Canonical returns f in the form FromCard yields and the contacts service
// stores (see the package documentation): one-line fields cleaned, notes and
// profile trimmed with line breaks as LF, rows without a value dropped,
// labels canonical ("other" when empty), dates canonical or "", tags
// trimmed and deduplicated case-insensitively, and empty lists nil.
// Canonical is idempotent.
func Canonical(f crm.ContactFields) crm.ContactFields {
	for _, s := range []*string{&f.Prefix, &f.GivenName, &f.MiddleName, &f.FamilyName, &f.Suffix,
		&f.Nickname, &f.Company, &f.Department, &f.Title} {
		*s = crm.CleanLine(*s)
	}
	f.Notes = cleanText(f.Notes)
	f.Profile = cleanText(f.Profile)
	f.Emails = canonicalRows(f.Emails, cleanEmail)
	f.Phones = canonicalRows(f.Phones, cleanPhone)
	f.URLs = canonicalRows(f.URLs, crm.CleanLine)
	f.Addresses = canonicalAddresses(f.Addresses)
	f.Birthday = canonicalDate(f.Birthday)
	f.Anniversary = canonicalDate(f.Anniversary)
	f.Tags = crm.CleanTags(f.Tags)
	return f
}

// Equal reports whether a and b are the same contact after Canonical.
func Equal(a, b crm.ContactFields) bool {
	return reflect.DeepEqual(Canonical(a), Canonical(b))
}

// cleanText normalises a multi-line text: valid UTF-8, CRLF and CR as LF,
// trimmed.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return strings.TrimSpace(s)
}

// cleanEmail cleans an e-mail value; "Name <addr>" becomes addr.
func cleanEmail(s string) string {
	s = crm.CleanLine(s)
	if strings.IndexByte(s, '<') >= 0 {
		if a, err := mail.ParseAddress(s); err == nil && a.Address != "" {
			return a.Address
		}
	}
	return s
}

// cleanPhone cleans a phone value; a tel: URI (vCard 4.0) becomes the
// number, with ";ext=" written as " x".
func cleanPhone(s string) string {
	s = crm.CleanLine(s)
	for len(s) >= 4 && strings.EqualFold(s[:4], "tel:") {
		s = strings.TrimSpace(s[4:])
		if i := strings.Index(strings.ToLower(s), ";ext="); i >= 0 {
			s = strings.TrimSpace(s[:i]) + " x" + strings.TrimSpace(s[i+5:])
		}
		s = crm.CleanLine(s)
	}
	return s
}

// cleanLabel returns the canonical label: Apple's wrapper removed, cleaned,
// lower case, "other" when empty.
func cleanLabel(s string) string {
	if s = labelText(s); s == "" {
		return "other"
	}
	return s
}

// labelText is cleanLabel without the "other" default.
func labelText(s string) string {
	return strings.ToLower(crm.CleanLine(stripAppleLabel(crm.CleanLine(s))))
}

// stripAppleLabel removes the "_$!<" … ">!$_" wrapper of Apple's
// well-known labels.
func stripAppleLabel(s string) string {
	for len(s) >= 8 && strings.HasPrefix(s, "_$!<") && strings.HasSuffix(s, ">!$_") {
		s = strings.TrimSpace(s[4 : len(s)-4])
	}
	return s
}

// canonicalRows cleans labelled rows with clean and drops empty ones.
func canonicalRows(in []crm.LabeledValue, clean func(string) string) []crm.LabeledValue {
	var out []crm.LabeledValue
	for _, v := range in {
		v.Value = clean(v.Value)
		if v.Value == "" {
			continue
		}
		v.Label = cleanLabel(v.Label)
		out = append(out, v)
	}
	return out
}

// canonicalAddresses cleans every part (street lines one by one) and drops
// empty addresses.
func canonicalAddresses(in []crm.Address) []crm.Address {
	var out []crm.Address
	for _, a := range in {
		a = canonicalAddress(a)
		if a.IsEmpty() {
			continue
		}
		out = append(out, a)
	}
	return out
}

// canonicalAddress cleans one address.
func canonicalAddress(a crm.Address) crm.Address {
	a.Street = streetLines(strings.Split(cleanText(a.Street), "\n"))
	a.City = crm.CleanLine(a.City)
	a.Region = crm.CleanLine(a.Region)
	a.Postcode = crm.CleanLine(a.Postcode)
	a.Country = crm.CleanLine(a.Country)
	a.Label = cleanLabel(a.Label)
	return a
}

// streetLines cleans street lines, drops empty ones and joins them with LF.
func streetLines(lines []string) string {
	kept := make([]string, 0, len(lines))
	for _, l := range lines {
		for _, part := range strings.Split(strings.ReplaceAll(l, "\r", "\n"), "\n") {
			if part = crm.CleanLine(part); part != "" {
				kept = append(kept, part)
			}
		}
	}
	return strings.Join(kept, "\n")
}
