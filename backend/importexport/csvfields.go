package importexport

import (
	"strings"

	"fieldbook/backend/crm"
	"fieldbook/backend/csvimport"
)

// fieldsFromRecord turns a mapped CSV record into contact fields. Columns
// without a Fieldbook field (csvimport custom columns) are not imported.
func fieldsFromRecord(r csvimport.Record) crm.ContactFields {
	f := crm.ContactFields{
		Prefix: r.Prefix, GivenName: r.GivenName, MiddleName: r.MiddleName, FamilyName: r.FamilyName,
		Suffix: r.Suffix, Nickname: r.Nickname, Company: r.Company, Department: r.Department, Title: r.Title,
		Notes: r.Notes, Birthday: r.Birthday.String(), Anniversary: r.Anniversary.String(),
		Emails: labeled(r.Emails), Phones: labeled(r.Phones), URLs: labeled(r.Websites),
		Tags: r.Categories,
	}
	if f.Prefix+f.GivenName+f.MiddleName+f.FamilyName+f.Suffix == "" && r.DisplayName != "" {
		f.GivenName = r.DisplayName // only a display name: keep it as the name
	}
	for _, a := range r.Addresses {
		street := a.Street
		for _, extra := range []string{a.Extended, poBox(a.POBox)} {
			if extra != "" {
				street = joinLines(street, extra)
			}
		}
		if street == "" && a.City == "" && a.Region == "" && a.Postcode == "" && a.Country == "" {
			street = a.Formatted
		}
		addr := crm.Address{Label: label(a.Label), Street: street, City: a.City, Region: a.Region, Postcode: a.Postcode, Country: a.Country}
		if !addr.IsEmpty() {
			f.Addresses = append(f.Addresses, addr)
		}
	}
	return f
}

func poBox(s string) string {
	if s == "" {
		return ""
	}
	return "PO Box " + s
}

func joinLines(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n" + b
}

func labeled(in []csvimport.LabeledValue) []crm.LabeledValue {
	var out []crm.LabeledValue
	for _, v := range in {
		if strings.TrimSpace(v.Value) == "" {
			continue
		}
		out = append(out, crm.LabeledValue{Label: label(v.Label), Value: v.Value})
	}
	return out
}

// label maps csvimport's labels onto Fieldbook's ("primary" and "main"
// phones are work numbers in Outlook's sense; anything else stays).
func label(l string) string {
	l = strings.ToLower(strings.TrimSpace(l))
	switch l {
	case "":
		return "other"
	case csvimport.LabelPrimary:
		return "other"
	}
	return l
}
