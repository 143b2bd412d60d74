package store

import (
	"encoding/json"
	"fmt"
	"strings"

	"fieldbook/backend/crm"
)

// contactFieldColumns are the columns of a contact's editable fields, in
// the order of contactFieldValues and contactFieldTargets: the one list
// that insert, update and scan share.
var contactFieldColumns = []string{
	"prefix", "given_name", "middle_name", "family_name", "suffix", "nickname",
	"company", "department", "title", "notes", "profile",
	"emails", "phones", "urls", "addresses", "birthday", "anniversary", "tags", "custom",
}

// contactColumns selects a whole contact from the table aliased c.
var contactColumns = "c.id, c.version, c." + strings.Join(contactFieldColumns, ", c.") +
	", c.created_at, c.updated_at, c.deleted_at, c.company_id"

// contactFieldValues are the stored values of f's fields.
func contactFieldValues(f crm.ContactFields) []any {
	return []any{
		f.Prefix, f.GivenName, f.MiddleName, f.FamilyName, f.Suffix, f.Nickname,
		f.Company, f.Department, f.Title, f.Notes, f.Profile,
		encodeLabeled(f.Emails), encodeLabeled(f.Phones), encodeLabeled(f.URLs), encodeAddresses(f.Addresses),
		f.Birthday, f.Anniversary, encodeStrings(f.Tags), encodeCustom(f.Custom),
	}
}

// storedLists receives the JSON columns while scanning.
type storedLists struct{ emails, phones, urls, addresses, tags, custom string }

// contactFieldTargets are the Scan destinations for contactFieldColumns.
func contactFieldTargets(f *crm.ContactFields, l *storedLists) []any {
	return []any{
		&f.Prefix, &f.GivenName, &f.MiddleName, &f.FamilyName, &f.Suffix, &f.Nickname,
		&f.Company, &f.Department, &f.Title, &f.Notes, &f.Profile,
		&l.emails, &l.phones, &l.urls, &l.addresses, &f.Birthday, &f.Anniversary, &l.tags, &l.custom,
	}
}

// decode fills f's list fields from their stored JSON.
func (l storedLists) decode(f *crm.ContactFields) error {
	var err error
	if f.Emails, err = decodeLabeled(l.emails); err != nil {
		return fmt.Errorf("e-mails: %w", err)
	}
	if f.Phones, err = decodeLabeled(l.phones); err != nil {
		return fmt.Errorf("phones: %w", err)
	}
	if f.URLs, err = decodeLabeled(l.urls); err != nil {
		return fmt.Errorf("web addresses: %w", err)
	}
	if f.Addresses, err = decodeAddresses(l.addresses); err != nil {
		return fmt.Errorf("addresses: %w", err)
	}
	if err = json.Unmarshal([]byte(l.tags), &f.Tags); err != nil {
		return fmt.Errorf("tags: %w", err)
	}
	if len(f.Tags) == 0 {
		f.Tags = nil
	}
	if err = json.Unmarshal([]byte(l.custom), &f.Custom); err != nil {
		return fmt.Errorf("custom fields: %w", err)
	}
	if len(f.Custom) == 0 {
		f.Custom = nil
	}
	return nil
}

// encodeCustom stores custom field values as a JSON object; empty values
// are not stored.
func encodeCustom(m map[string]string) string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		if v != "" {
			out[k] = v
		}
	}
	b, _ := json.Marshal(out) // a string map always marshals
	return string(b)
}

// addressJSON is the stored form of a crm.Address.
type addressJSON struct {
	Label    string `json:"label"`
	Street   string `json:"street,omitempty"`
	City     string `json:"city,omitempty"`
	Region   string `json:"region,omitempty"`
	Postcode string `json:"postcode,omitempty"`
	Country  string `json:"country,omitempty"`
}

func encodeAddresses(as []crm.Address) string {
	out := make([]addressJSON, len(as))
	for i, a := range as {
		out[i] = addressJSON(a)
	}
	b, _ := json.Marshal(out) // a slice of string structs always marshals
	return string(b)
}

func decodeAddresses(s string) ([]crm.Address, error) {
	var in []addressJSON
	if err := json.Unmarshal([]byte(s), &in); err != nil {
		return nil, err
	}
	if len(in) == 0 {
		return nil, nil
	}
	out := make([]crm.Address, len(in))
	for i, a := range in {
		out[i] = crm.Address(a)
	}
	return out, nil
}

// placeholders returns "?, ?, …" with n marks.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}
