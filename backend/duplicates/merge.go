package duplicates

import (
	"fmt"
	"slices"
	"strings"

	"fieldbook/backend/crm"
)

// Sides of a merge: which record's value a scalar field takes.
const (
	SideKeep  = "keep"
	SideOther = "other"
)

// Choices say, per scalar field (see ScalarFields), which side's value the
// merged record takes. A field not named takes the kept record's value when
// it has one, else the other's.
type Choices map[string]string

// scalarField is a one-value field the user picks a side for.
type scalarField struct {
	name  string // the field's name in the API (and in Choices)
	label string // how the notes name a value that was not kept
	ptr   func(*crm.ContactFields) *string
}

var scalarFields = []scalarField{
	{"prefix", "Prefix", func(f *crm.ContactFields) *string { return &f.Prefix }},
	{"givenName", "Given name", func(f *crm.ContactFields) *string { return &f.GivenName }},
	{"middleName", "Middle name", func(f *crm.ContactFields) *string { return &f.MiddleName }},
	{"familyName", "Family name", func(f *crm.ContactFields) *string { return &f.FamilyName }},
	{"suffix", "Suffix", func(f *crm.ContactFields) *string { return &f.Suffix }},
	{"nickname", "Nickname", func(f *crm.ContactFields) *string { return &f.Nickname }},
	{"company", "Company", func(f *crm.ContactFields) *string { return &f.Company }},
	{"department", "Department", func(f *crm.ContactFields) *string { return &f.Department }},
	{"title", "Title", func(f *crm.ContactFields) *string { return &f.Title }},
	{"birthday", "Birthday", func(f *crm.ContactFields) *string { return &f.Birthday }},
	{"anniversary", "Anniversary", func(f *crm.ContactFields) *string { return &f.Anniversary }},
}

// ScalarFields are the names of the fields a merge picks one side of, in
// form order. Notes and profile are not among them: both texts are kept.
func ScalarFields() []string {
	out := make([]string, len(scalarFields))
	for i, f := range scalarFields {
		out[i] = f.name
	}
	return out
}

// MergeFields is the automatic merge used by import ("merge into
// existing"): keep's values win, and nothing of other is lost — other's
// differing non-empty one-value fields are written into the notes as
// "Title (merged): …", e-mails, phones, web and postal addresses are
// unioned by their normalised value, tags unioned, notes and profile texts
// both kept, custom values kept (keep wins per field; other's differing
// value goes into the notes).
func MergeFields(keep, other crm.ContactFields) crm.ContactFields {
	return Merge(keep, other, nil, "")
}

// Merge merges other into keep with the user's choices of side per scalar
// field; region is the default phone region used to see that two numbers
// are the same. The value of a scalar field that was not taken is written
// into the notes, so the merged record holds every distinct value of both.
func Merge(keep, other crm.ContactFields, choices Choices, region string) crm.ContactFields {
	out := keep
	var kept []string // "Label (merged): value" lines for the notes
	for _, sf := range scalarFields {
		k, o := strings.TrimSpace(*sf.ptr(&keep)), strings.TrimSpace(*sf.ptr(&other))
		take, lose := k, o
		if choices[sf.name] == SideOther || (choices[sf.name] != SideKeep && k == "") {
			take, lose = o, k
		}
		*sf.ptr(&out) = take
		if lose != "" && !sameText(lose, take) {
			kept = append(kept, fmt.Sprintf("%s (merged): %s", sf.label, lose))
		}
	}
	out.Profile = unionText(keep.Profile, other.Profile)
	out.Emails = unionLabeled(keep.Emails, other.Emails, emailKey)
	out.Phones = unionLabeled(keep.Phones, other.Phones, func(s string) string { return phoneKey(s, region) })
	out.URLs = unionLabeled(keep.URLs, other.URLs, urlKey)
	out.Addresses = unionAddresses(keep.Addresses, other.Addresses)
	out.Tags = crm.CleanTags(append(slices.Clone(keep.Tags), other.Tags...))
	if keep.Tags != nil && out.Tags == nil {
		out.Tags = []string{}
	}
	out.Custom = nil
	if len(keep.Custom)+len(other.Custom) > 0 {
		out.Custom = make(map[string]string, len(keep.Custom)+len(other.Custom))
		for k, v := range keep.Custom {
			out.Custom[k] = v
		}
		keys := make([]string, 0, len(other.Custom))
		for k := range other.Custom {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			v := other.Custom[k]
			switch cur := out.Custom[k]; {
			case v == "":
			case cur == "":
				out.Custom[k] = v
			case cur != v:
				kept = append(kept, fmt.Sprintf("Custom field %s (merged): %s", k, v))
			}
		}
	}
	notes := unionText(keep.Notes, other.Notes)
	var lines []string
	for _, line := range kept {
		if !strings.Contains(notes, line) {
			lines = append(lines, line)
		}
	}
	out.Notes = unionText(notes, strings.Join(lines, "\n"))
	return out
}

// sameText reports whether two values differ only in case or spacing
// (accents count: "Jürgen" is kept beside "Juergen").
func sameText(a, b string) bool {
	return strings.Join(strings.Fields(strings.ToLower(a)), " ") == strings.Join(strings.Fields(strings.ToLower(b)), " ")
}

// unionText joins two texts as paragraphs, leaving out b when a contains it.
func unionText(a, b string) string {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	switch {
	case b == "" || strings.Contains(a, b):
		return a
	case a == "" || strings.Contains(b, a):
		return b
	default:
		return a + "\n\n" + b
	}
}

// unionLabeled is a's values, then b's values whose key a lacks; a value
// with an empty key is compared as trimmed text.
func unionLabeled(a, b []crm.LabeledValue, key func(string) string) []crm.LabeledValue {
	if len(a)+len(b) == 0 {
		return a
	}
	out := make([]crm.LabeledValue, 0, len(a)+len(b))
	seen := map[string]bool{}
	for _, v := range append(slices.Clone(a), b...) {
		k := key(v.Value)
		if k == "" {
			k = "=" + strings.TrimSpace(v.Value)
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, v)
	}
	return out
}

// urlKey compares web addresses without case, scheme or a trailing slash.
func urlKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
	return strings.TrimSuffix(strings.TrimPrefix(s, "www."), "/")
}

func unionAddresses(a, b []crm.Address) []crm.Address {
	if len(a)+len(b) == 0 {
		return a
	}
	out := make([]crm.Address, 0, len(a)+len(b))
	seen := map[string]bool{}
	for _, ad := range append(slices.Clone(a), b...) {
		k := strings.Join([]string{ad.Street, ad.City, ad.Region, ad.Postcode, ad.Country}, "\x00")
		k = strings.Join(strings.Fields(foldText(k)), " ")
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, ad)
	}
	return out
}
