package crm

import (
	"strings"
	"time"
	"unicode"
)

// CompanyFields are the parts of a company (account) a user edits.
type CompanyFields struct {
	Name     string
	Industry string
	Website  string
	// Size is a head-count band such as "11-50".
	Size    string
	Phone   string
	Address Address
	Notes   string
}

// Company is an organisation the user sells to; contacts whose company name
// matches it (by CompanyKey) belong to it.
type Company struct {
	ID string
	CompanyFields
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
	// People is how many live contacts belong to the company (read only).
	People int
}

// CompanyKey is the form of a company name used to match contacts to their
// company: case-folded, punctuation dropped, runs of spaces collapsed, so
// "ACME, Inc." and "Acme Inc" are the same company.
func CompanyKey(name string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(name) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case unicode.IsSpace(r):
			space = true
		case r == '&' || r == '+' || r == '@':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// CustomFieldKind is the type of a user-defined field.
type CustomFieldKind string

// The kinds of custom field.
const (
	CustomText   CustomFieldKind = "text"
	CustomNumber CustomFieldKind = "number"
	CustomDate   CustomFieldKind = "date"
	CustomChoice CustomFieldKind = "choice"
)

// CustomField is the definition of a user-defined contact field. Values
// live on the contact (ContactFields.Custom) keyed by the field's ID, in a
// canonical text form: numbers as decimal text, dates as YYYY-MM-DD,
// choices as one of Options.
type CustomField struct {
	ID       string
	Name     string
	Kind     CustomFieldKind
	Options  []string
	Position int
}

// Photo is a contact's picture.
type Photo struct {
	MediaType string
	Data      []byte
}

// CompanyPage is a window of companies in name order and how many match.
type CompanyPage struct {
	Items  []Company
	Total  int
	Offset int
}
