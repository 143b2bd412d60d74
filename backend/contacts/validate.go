package contacts

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"fieldbook/backend/crm"
)

// Field size limits: generous for people, small enough that a pasted
// megabyte never lands in a name.
const (
	maxShortField = 500
	maxNotes      = 100_000
	maxListItems  = 50
)

// Normalize trims every field, drops empty e-mail and phone rows and empty
// or repeated tags, and validates the result. Errors are *crm.Error naming
// the offending field, e.g. "emails.1".
func Normalize(f crm.ContactFields) (crm.ContactFields, error) {
	short := []struct {
		name string
		v    *string
	}{
		{"prefix", &f.Prefix}, {"givenName", &f.GivenName}, {"middleName", &f.MiddleName},
		{"familyName", &f.FamilyName}, {"suffix", &f.Suffix}, {"nickname", &f.Nickname},
		{"company", &f.Company}, {"department", &f.Department}, {"title", &f.Title},
	}
	for _, s := range short {
		*s.v = crm.CleanLine(*s.v)
		if utf8.RuneCountInString(*s.v) > maxShortField {
			return f, crm.FieldError(crm.CodeInvalidInput, s.name, fmt.Sprintf("%s is longer than %d characters", s.name, maxShortField))
		}
	}
	for _, long := range []struct {
		name string
		v    *string
	}{{"notes", &f.Notes}, {"profile", &f.Profile}} {
		*long.v = strings.TrimSpace(strings.ToValidUTF8(*long.v, "\uFFFD"))
		if utf8.RuneCountInString(*long.v) > maxNotes {
			return f, crm.FieldError(crm.CodeInvalidInput, long.name, fmt.Sprintf("%s is longer than %d characters", long.name, maxNotes))
		}
	}
	var err error
	if f.Emails, err = normalizeList("emails", f.Emails, crm.ValidateEmail); err != nil {
		return f, err
	}
	if f.Phones, err = normalizeList("phones", f.Phones, validatePhone); err != nil {
		return f, err
	}
	if f.URLs, err = normalizeURLs(f.URLs); err != nil {
		return f, err
	}
	if f.Addresses, err = normalizeAddresses(f.Addresses); err != nil {
		return f, err
	}
	if f.Birthday, err = normalizeDate("birthday", f.Birthday); err != nil {
		return f, err
	}
	if f.Anniversary, err = normalizeDate("anniversary", f.Anniversary); err != nil {
		return f, err
	}
	if f.Tags = crm.CleanTags(f.Tags); f.Tags == nil {
		f.Tags = []string{} // the form and the API always get a list
	}
	if len(f.Tags) > maxListItems {
		return f, crm.FieldError(crm.CodeInvalidInput, "tags", fmt.Sprintf("a contact can have at most %d tags", maxListItems))
	}
	if f.DisplayName() == "" {
		return f, crm.FieldError(crm.CodeContactEmpty, "givenName", "a contact needs a name, a company or an e-mail address")
	}
	return f, nil
}

// normalizeList trims a list of labelled values, drops empty ones, defaults
// the label to "other", validates each value and, when given, rewrites it
// with rewrite (for example to add a missing URL scheme).
func normalizeList(field string, in []crm.LabeledValue, validate func(string) error, rewrite ...func(string) (string, error)) ([]crm.LabeledValue, error) {
	out := make([]crm.LabeledValue, 0, len(in))
	for i, v := range in {
		v.Value = crm.CleanLine(v.Value)
		v.Label = strings.ToLower(crm.CleanLine(v.Label))
		if v.Value == "" {
			continue
		}
		if v.Label == "" {
			v.Label = "other"
		}
		if err := validate(v.Value); err != nil {
			return nil, crm.FieldError(crmCodeFor(field), fmt.Sprintf("%s.%d", field, i), err.Error())
		}
		for _, rw := range rewrite {
			var err error
			if v.Value, err = rw(v.Value); err != nil {
				return nil, crm.FieldError(crmCodeFor(field), fmt.Sprintf("%s.%d", field, i), err.Error())
			}
		}
		out = append(out, v)
	}
	if len(out) > maxListItems {
		return nil, crm.FieldError(crm.CodeInvalidInput, field, fmt.Sprintf("a contact can have at most %d %s", maxListItems, field))
	}
	return out, nil
}

func crmCodeFor(field string) string {
	switch field {
	case "emails":
		return crm.CodeEmailInvalid
	case "urls":
		return crm.CodeURLInvalid
	}
	return crm.CodePhoneInvalid
}

// validatePhone accepts what people write as phone numbers: digits with
// spaces, + ( ) - . / and an extension ("x", "ext"); at least three digits.
// Full parsing and E.164 normalisation come with data quality (issue 3).
func validatePhone(v string) error {
	digits := 0
	rest := strings.ToLower(v)
	for _, ext := range []string{"ext.", "ext", "x"} {
		if i := strings.LastIndex(rest, ext); i > 0 {
			rest = rest[:i] + strings.Repeat(" ", len(ext)) + rest[i+len(ext):]
			break
		}
	}
	for _, r := range rest {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" +()-./", r):
		default:
			return fmt.Errorf("%q is not a phone number: unexpected %q", v, r)
		}
	}
	if digits < 3 {
		return fmt.Errorf("%q is not a phone number: too few digits", v)
	}
	return nil
}
