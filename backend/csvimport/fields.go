package csvimport

import (
	"fmt"
	"strconv"
	"strings"
)

// Field is a canonical contact field key. Its string form is used in
// mappings given on the command line ("given_name=2").
type Field string

// Canonical contact fields.
const (
	FieldIgnore Field = "ignore" // the column is not imported
	FieldCustom Field = "custom" // kept as a custom field named by Target.Label

	FieldPrefix      Field = "prefix"
	FieldGivenName   Field = "given_name"
	FieldMiddleName  Field = "middle_name"
	FieldFamilyName  Field = "family_name"
	FieldSuffix      Field = "suffix"
	FieldNickname    Field = "nickname"
	FieldDisplayName Field = "display_name"
	FieldCompany     Field = "company"
	FieldDepartment  Field = "department"
	FieldTitle       Field = "title" // job title

	FieldEmail      Field = "email"
	FieldEmailLabel Field = "email_label" // the column holds the label of e-mail Target.Index
	FieldPhone      Field = "phone"
	FieldPhoneLabel Field = "phone_label"

	FieldStreet       Field = "street"
	FieldStreet2      Field = "street2"
	FieldStreet3      Field = "street3"
	FieldExtended     Field = "extended" // apartment, suite (vCard ADR extended address)
	FieldPOBox        Field = "pobox"
	FieldCity         Field = "city"
	FieldRegion       Field = "region"
	FieldPostcode     Field = "postcode"
	FieldCountry      Field = "country"
	FieldAddress      Field = "address" // a whole formatted address
	FieldAddressLabel Field = "address_label"

	FieldWebsite      Field = "website"
	FieldWebsiteLabel Field = "website_label"

	FieldBirthday    Field = "birthday"
	FieldBirthYear   Field = "birth_year"
	FieldBirthMonth  Field = "birth_month"
	FieldBirthDay    Field = "birth_day"
	FieldAnniversary Field = "anniversary"
	FieldNotes       Field = "notes"
	FieldCategories  Field = "categories"
)

// allFields lists every Field, for validation of user input.
var allFields = []Field{
	FieldIgnore, FieldCustom, FieldPrefix, FieldGivenName, FieldMiddleName, FieldFamilyName, FieldSuffix,
	FieldNickname, FieldDisplayName, FieldCompany, FieldDepartment, FieldTitle,
	FieldEmail, FieldEmailLabel, FieldPhone, FieldPhoneLabel,
	FieldStreet, FieldStreet2, FieldStreet3, FieldExtended, FieldPOBox, FieldCity, FieldRegion, FieldPostcode,
	FieldCountry, FieldAddress, FieldAddressLabel, FieldWebsite, FieldWebsiteLabel,
	FieldBirthday, FieldBirthYear, FieldBirthMonth, FieldBirthDay, FieldAnniversary, FieldNotes, FieldCategories,
}

// Kind groups the fields whose columns combine into one multi-valued item.
type Kind int

// Kinds of fields.
const (
	KindSingle  Kind = iota // a single-valued field (name parts, company, notes, …)
	KindEmail               // an e-mail address and its label
	KindPhone               // a phone number and its label
	KindAddress             // the parts of a postal address and its label
	KindWebsite             // a web address and its label
	KindOther               // ignore and custom
)

// Kind returns the kind of item the field belongs to.
func (f Field) Kind() Kind {
	switch f {
	case FieldEmail, FieldEmailLabel:
		return KindEmail
	case FieldPhone, FieldPhoneLabel:
		return KindPhone
	case FieldStreet, FieldStreet2, FieldStreet3, FieldExtended, FieldPOBox, FieldCity, FieldRegion,
		FieldPostcode, FieldCountry, FieldAddress, FieldAddressLabel:
		return KindAddress
	case FieldWebsite, FieldWebsiteLabel:
		return KindWebsite
	case FieldIgnore, FieldCustom:
		return KindOther
	}
	return KindSingle
}

// Target is what one column maps to.
type Target struct {
	// Field is the canonical field.
	Field Field
	// Label is the fixed label of an e-mail, phone, address or website
	// ("home", "work", "mobile", …; empty if the file does not say), or the
	// name of a custom field.
	Label string
	// Index numbers the items of a multi-valued kind. Columns with the same
	// kind, Label and Index form one item: "Business Street" and "Business
	// City" (label work), or Google's "Address 1 - Type" and "Address 1 -
	// City" (index 1).
	Index int
	// Omit lists values that mean "empty" in this column (Outlook writes
	// "Normal" priority and "Keine Angabe" gender on every contact).
	// Matching is case-insensitive.
	Omit []string
}

// String formats the target as ParseTarget reads it: field[:label][#index].
func (t Target) String() string {
	s := string(t.Field)
	if t.Label != "" {
		s += ":" + t.Label
	}
	if t.Index != 0 {
		s += "#" + strconv.Itoa(t.Index)
	}
	return s
}

// numberedAliases are shorthand field names with an index ("email2").
var numberedAliases = map[string]Target{
	"email1": {Field: FieldEmail, Index: 1}, "email2": {Field: FieldEmail, Index: 2}, "email3": {Field: FieldEmail, Index: 3},
	"phone1": {Field: FieldPhone, Index: 1}, "phone2": {Field: FieldPhone, Index: 2}, "phone3": {Field: FieldPhone, Index: 3},
	"website1": {Field: FieldWebsite, Index: 1}, "website2": {Field: FieldWebsite, Index: 2},
}

// ParseTarget parses "field[:label][#index]", for example "given_name",
// "email:work", "phone:mobile", "street:home", "email2", "email#3" or
// "custom:Shoe size".
func ParseTarget(s string) (Target, error) {
	s = strings.TrimSpace(s)
	var t Target
	if i := strings.LastIndexByte(s, '#'); i >= 0 {
		n, err := strconv.Atoi(s[i+1:])
		if err != nil || n < 0 {
			return Target{}, fmt.Errorf("csvimport: target %q: bad index", s)
		}
		t.Index, s = n, s[:i]
	}
	name, label, _ := strings.Cut(s, ":")
	name = strings.ToLower(strings.TrimSpace(name))
	t.Label = strings.TrimSpace(label)
	if alias, ok := numberedAliases[name]; ok {
		t.Field = alias.Field
		if t.Index == 0 {
			t.Index = alias.Index
		}
		return t, nil
	}
	for _, f := range allFields {
		if string(f) == name {
			t.Field = f
			if f == FieldCustom && t.Label == "" {
				return Target{}, fmt.Errorf("csvimport: target %q: a custom field needs a name (custom:Name)", s)
			}
			return t, nil
		}
	}
	return Target{}, fmt.Errorf("csvimport: unknown field %q", name)
}
