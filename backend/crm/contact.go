package crm

import (
	"strings"
	"time"
)

// LabeledValue is one e-mail address or phone number with its type label
// ("work", "home", "mobile", "other", or a user-written label).
type LabeledValue struct {
	Label string
	Value string
}

// Address is a postal address with its label ("work", "home", "other").
// Street may hold several lines separated by "\n".
type Address struct {
	Label    string
	Street   string
	City     string
	Region   string
	Postcode string
	Country  string
}

// IsEmpty reports whether the address has no part filled in.
func (a Address) IsEmpty() bool {
	return a.Street == "" && a.City == "" && a.Region == "" && a.Postcode == "" && a.Country == ""
}

// ContactFields are the parts of a contact a user edits.
type ContactFields struct {
	Prefix     string
	GivenName  string
	MiddleName string
	FamilyName string
	Suffix     string
	Nickname   string
	Company    string
	Department string
	Title      string
	Notes      string
	// Profile is the customer's personal profile: preferences, family,
	// interests, in the user's own words.
	Profile   string
	Emails    []LabeledValue
	Phones    []LabeledValue
	URLs      []LabeledValue
	Addresses []Address
	// Birthday and Anniversary are "YYYY-MM-DD", "--MM-DD" when the year is
	// unknown (as vCard 4.0 writes it), or "".
	Birthday    string
	Anniversary string
	Tags        []string
	// Custom holds the values of user-defined fields, keyed by
	// CustomField.ID. It is local to Fieldbook: sync leaves it alone.
	Custom map[string]string
}

// KeepLocal copies into f the fields that exist only on this device (not on
// any server), so a change that arrives from a server cannot clear them.
func (f *ContactFields) KeepLocal(from ContactFields) {
	f.Custom = from.Custom
}

// Contact is a person in the address book.
type Contact struct {
	ID string
	ContactFields
	// CompanyID is the company the contact belongs to, found by the store
	// from the company name (CompanyKey); "" when the name is empty.
	CompanyID string
	// Version increases by one with every change; updates name the version
	// they were based on so a stale edit is refused instead of overwriting.
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
}

// DisplayName is the name shown in lists: the name parts joined, or else the
// nickname, the company, or the first e-mail address.
func (f ContactFields) DisplayName() string {
	parts := make([]string, 0, 5)
	for _, p := range []string{f.Prefix, f.GivenName, f.MiddleName, f.FamilyName, f.Suffix} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) > 0 {
		return strings.Join(parts, " ")
	}
	if n := strings.TrimSpace(f.Nickname); n != "" {
		return n
	}
	if c := strings.TrimSpace(f.Company); c != "" {
		return c
	}
	if len(f.Emails) > 0 {
		return strings.TrimSpace(f.Emails[0].Value)
	}
	return ""
}

// SortKey orders contacts by family name, then given and middle name,
// case-folded, so the list reads like a paper address book. Contacts
// without a family name sort by their display name.
func (f ContactFields) SortKey() string {
	fam := strings.TrimSpace(f.FamilyName)
	if fam == "" {
		return strings.ToLower(f.DisplayName())
	}
	key := fam
	for _, p := range []string{f.GivenName, f.MiddleName} {
		if p = strings.TrimSpace(p); p != "" {
			key += " " + p
		}
	}
	return strings.ToLower(key)
}

// PrimaryEmail returns the first e-mail address, or "".
func (f ContactFields) PrimaryEmail() string {
	if len(f.Emails) == 0 {
		return ""
	}
	return f.Emails[0].Value
}

// PrimaryPhone returns the first phone number, or "".
func (f ContactFields) PrimaryPhone() string {
	if len(f.Phones) == 0 {
		return ""
	}
	return f.Phones[0].Value
}

// ContactPage is one window of a contact list or search result.
type ContactPage struct {
	Items  []Contact
	Total  int
	Offset int
}
