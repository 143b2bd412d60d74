package contacts

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"fieldbook/backend/crm"
)

// normalizeURLs trims web addresses, adds "https://" to a bare host
// ("www.acme.test/shop"), and accepts only http and https: the UI opens
// these links, so a javascript: or file: URL is refused.
func normalizeURLs(in []crm.LabeledValue) ([]crm.LabeledValue, error) {
	return normalizeList("urls", in, func(string) error { return nil }, normalizeURL)
}

// NormalizeURL is the rule for any web address a user enters (a contact's,
// a company's website): "https://" is added to a bare host, and only http
// and https addresses with a host are accepted.
func NormalizeURL(v string) (string, error) { return normalizeURL(v) }

func normalizeURL(v string) (string, error) {
	if !strings.Contains(v, "://") && !strings.Contains(v, ":") {
		v = "https://" + v
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(v, " \t") {
		return "", fmt.Errorf("%q is not a web address (http or https)", v)
	}
	if len(v) > 2048 {
		return "", fmt.Errorf("web address %q is too long", v[:40]+"…")
	}
	return v, nil
}

// normalizeAddresses trims every part (street lines one by one), drops empty
// addresses and defaults the label to "other".
func normalizeAddresses(in []crm.Address) ([]crm.Address, error) {
	out := make([]crm.Address, 0, len(in))
	for i, a := range in {
		a.Label = strings.ToLower(crm.CleanLine(a.Label))
		lines := strings.Split(strings.ReplaceAll(strings.ToValidUTF8(a.Street, "\uFFFD"), "\r\n", "\n"), "\n")
		kept := lines[:0]
		for _, l := range lines {
			if l = crm.CleanLine(l); l != "" {
				kept = append(kept, l)
			}
		}
		a.Street = strings.Join(kept, "\n")
		parts := []struct {
			name string
			v    *string
		}{{"city", &a.City}, {"region", &a.Region}, {"postcode", &a.Postcode}, {"country", &a.Country}}
		for _, p := range parts {
			*p.v = crm.CleanLine(*p.v)
		}
		if a.IsEmpty() {
			continue
		}
		if a.Label == "" {
			a.Label = "other"
		}
		if utf8.RuneCountInString(a.Street) > maxShortField {
			return nil, crm.FieldError(crm.CodeInvalidInput, fmt.Sprintf("addresses.%d.street", i), "the street is too long")
		}
		for _, p := range parts {
			if utf8.RuneCountInString(*p.v) > maxShortField {
				return nil, crm.FieldError(crm.CodeInvalidInput, fmt.Sprintf("addresses.%d.%s", i, p.name), "the "+p.name+" is too long")
			}
		}
		out = append(out, a)
	}
	if len(out) > maxListItems {
		return nil, crm.FieldError(crm.CodeInvalidInput, "addresses", fmt.Sprintf("a contact can have at most %d addresses", maxListItems))
	}
	return out, nil
}

// normalizeDate accepts a full date ("1990-05-17", also vCard's basic
// "19900517") or one without a year ("--05-17", "--0517") and returns
// "YYYY-MM-DD" or "--MM-DD"; "" stays "". Without a year, 29 February is a
// valid day.
func normalizeDate(field, v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil
	}
	bad := crm.FieldError(crm.CodeDateInvalid, field, fmt.Sprintf("%q is not a date (YYYY-MM-DD, or --MM-DD without a year)", v))
	year := 2000 // a leap year, for dates without one
	rest := v
	if strings.HasPrefix(v, "--") {
		rest = strings.TrimPrefix(v, "--")
	} else {
		if len(v) < 8 {
			return "", bad
		}
		y, err := strconv.Atoi(v[:4])
		if err != nil || y < 1 {
			return "", bad
		}
		year = y
		rest = strings.TrimPrefix(v[4:], "-")
	}
	rest = strings.ReplaceAll(rest, "-", "")
	if len(rest) != 4 {
		return "", bad
	}
	m, err1 := strconv.Atoi(rest[:2])
	d, err2 := strconv.Atoi(rest[2:])
	if err1 != nil || err2 != nil || m < 1 || m > 12 || d < 1 {
		return "", bad
	}
	if t := time.Date(year, time.Month(m), d, 0, 0, 0, 0, time.UTC); t.Day() != d {
		return "", bad // 31 April, 30 February, 29 February in a common year
	}
	if strings.HasPrefix(v, "--") {
		return fmt.Sprintf("--%02d-%02d", m, d), nil
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, m, d), nil
}
