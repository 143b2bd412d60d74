package importexport

import (
	"slices"
	"strings"

	"fieldbook/backend/crm"
)

// UnionMerge is the fallback MergeFunc: the existing contact's values win,
// empty single fields are filled from the incoming record, and e-mails,
// phones, web and postal addresses and tags it lacks are appended.
func UnionMerge(existing, incoming crm.ContactFields) crm.ContactFields {
	out := existing
	fill := func(dst *string, src string) {
		if strings.TrimSpace(*dst) == "" {
			*dst = src
		}
	}
	fill(&out.Prefix, incoming.Prefix)
	fill(&out.GivenName, incoming.GivenName)
	fill(&out.MiddleName, incoming.MiddleName)
	fill(&out.FamilyName, incoming.FamilyName)
	fill(&out.Suffix, incoming.Suffix)
	fill(&out.Nickname, incoming.Nickname)
	fill(&out.Company, incoming.Company)
	fill(&out.Department, incoming.Department)
	fill(&out.Title, incoming.Title)
	fill(&out.Birthday, incoming.Birthday)
	fill(&out.Anniversary, incoming.Anniversary)
	fill(&out.Profile, incoming.Profile)
	if n := strings.TrimSpace(incoming.Notes); n != "" && !strings.Contains(out.Notes, n) {
		out.Notes = strings.TrimSpace(joinLines(out.Notes, n))
	}
	out.Emails = appendMissing(out.Emails, incoming.Emails, func(v string) string { return strings.ToLower(strings.TrimSpace(v)) })
	out.Phones = appendMissing(out.Phones, incoming.Phones, digits)
	out.URLs = appendMissing(out.URLs, incoming.URLs, strings.TrimSpace)
	for _, a := range incoming.Addresses {
		if !slices.ContainsFunc(out.Addresses, func(b crm.Address) bool { return sameAddress(a, b) }) {
			out.Addresses = append(slices.Clip(out.Addresses), a)
		}
	}
	for _, t := range incoming.Tags {
		if !slices.ContainsFunc(out.Tags, func(u string) bool { return strings.EqualFold(t, u) }) {
			out.Tags = append(slices.Clip(out.Tags), t)
		}
	}
	return out
}

func appendMissing(have, add []crm.LabeledValue, key func(string) string) []crm.LabeledValue {
	out := slices.Clip(have)
	for _, v := range add {
		k := key(v.Value)
		if !slices.ContainsFunc(out, func(h crm.LabeledValue) bool { return key(h.Value) == k }) {
			out = append(out, v)
		}
	}
	return out
}

func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func sameAddress(a, b crm.Address) bool {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	return norm(a.Street) == norm(b.Street) && norm(a.City) == norm(b.City) && norm(a.Postcode) == norm(b.Postcode) && norm(a.Country) == norm(b.Country)
}
