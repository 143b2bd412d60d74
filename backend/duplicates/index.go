package duplicates

import "fieldbook/backend/crm"

// Index finds, for a new contact, an existing contact that is probably the
// same person: by e-mail, then phone, then the same folded name at the same
// company. Import uses it for "merge into existing". It is not safe for
// concurrent use.
type Index struct {
	region string
	emails map[string]string
	phones map[string]string
	names  map[string]string
}

// NewIndex returns an empty index; region is the default region for phone
// numbers without a country code ("DE"), "" for none.
func NewIndex(region string) *Index {
	return &Index{region: region, emails: map[string]string{}, phones: map[string]string{}, names: map[string]string{}}
}

// Add records contactID's matching data. The first contact to claim a key
// keeps it.
func (x *Index) Add(contactID string, f crm.ContactFields) {
	r := RecordOf(contactID, f)
	for _, k := range uniqueKeys(r.Emails, emailKey) {
		setOnce(x.emails, k, contactID)
	}
	for _, k := range uniqueKeys(r.Phones, x.phoneKey) {
		setOnce(x.phones, k, contactID)
	}
	if k := x.nameKey(f); k != "" {
		setOnce(x.names, k, contactID)
	}
}

// Match returns the contact f probably duplicates and why (ReasonEmail,
// ReasonPhone or ReasonName); ok is false when there is none.
func (x *Index) Match(f crm.ContactFields) (contactID, reason string, ok bool) {
	r := RecordOf("", f)
	for _, k := range uniqueKeys(r.Emails, emailKey) {
		if id, ok := x.emails[k]; ok {
			return id, ReasonEmail, true
		}
	}
	for _, k := range uniqueKeys(r.Phones, x.phoneKey) {
		if id, ok := x.phones[k]; ok {
			return id, ReasonPhone, true
		}
	}
	if k := x.nameKey(f); k != "" {
		if id, ok := x.names[k]; ok {
			return id, ReasonName, true
		}
	}
	return "", "", false
}

func (x *Index) phoneKey(s string) string { return phoneKey(s, x.region) }

// nameKey matches names only at a named company: two "John Smith"s without
// a company are not evidence enough to merge on import.
func (x *Index) nameKey(f crm.ContactFields) string {
	ck := companyKey(f.Company)
	nk := nameKey(f.GivenName, f.FamilyName)
	if ck == "" || nk == "" {
		return ""
	}
	return ck + "\x00" + nk
}

func setOnce(m map[string]string, k, v string) {
	if _, ok := m[k]; !ok {
		m[k] = v
	}
}
