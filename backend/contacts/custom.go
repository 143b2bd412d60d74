package contacts

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"fieldbook/backend/crm"
)

// CustomFieldDefs gives the live custom field definitions the values of a
// contact are checked against.
type CustomFieldDefs interface {
	CustomFields(ctx context.Context) ([]crm.CustomField, error)
}

// Option configures a Service.
type Option func(*Service)

// WithCustomFields makes the service accept and check custom field values
// against defs; without it any custom value is refused.
func WithCustomFields(defs CustomFieldDefs) Option {
	return func(s *Service) { s.defs = defs }
}

var decimal = regexp.MustCompile(`^[+-]?(\d+(\.\d*)?|\.\d+)$`)

// normalizeCustom checks the custom values in against the live definitions
// and returns them in canonical form. Values of fields that are no longer
// defined (deleted: hidden) are carried over from prev, the values stored
// so far; a choice no longer offered is accepted only if it is unchanged.
func (s *Service) normalizeCustom(ctx context.Context, in, prev map[string]string) (map[string]string, error) {
	var defs []crm.CustomField
	if s.defs != nil && (len(in) > 0 || len(prev) > 0) {
		var err error
		if defs, err = s.defs.CustomFields(ctx); err != nil {
			return nil, err
		}
	}
	byID := make(map[string]crm.CustomField, len(defs))
	for _, d := range defs {
		byID[d.ID] = d
	}
	out := map[string]string{}
	for id, v := range prev {
		if _, live := byID[id]; !live && v != "" {
			out[id] = v // hidden: kept as it was
		}
	}
	for id, v := range in {
		def, ok := byID[id]
		field := "custom." + id
		if !ok {
			return nil, crm.FieldError(crm.CodeCustomValueInvalid, field, fmt.Sprintf("there is no custom field %q", id))
		}
		v, err := canonicalValue(def, v, prev[id])
		if err != nil {
			return nil, crm.FieldError(crm.CodeCustomValueInvalid, field, fmt.Sprintf("%s: %v", def.Name, err))
		}
		if v != "" {
			out[id] = v
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// canonicalValue checks v against def's kind and returns its canonical
// text; "" (after trimming) is no value.
func canonicalValue(def crm.CustomField, v, prev string) (string, error) {
	v = crm.CleanLine(v)
	if v == "" {
		return "", nil
	}
	switch def.Kind {
	case crm.CustomText:
		if utf8.RuneCountInString(v) > maxShortField {
			return "", fmt.Errorf("longer than %d characters", maxShortField)
		}
	case crm.CustomNumber:
		if !decimal.MatchString(v) {
			return "", fmt.Errorf("%q is not a number (digits, an optional sign and decimal point)", v)
		}
		v = strings.TrimPrefix(v, "+")
		v = strings.TrimSuffix(v, ".")
		if strings.HasPrefix(v, ".") {
			v = "0" + v
		} else if strings.HasPrefix(v, "-.") {
			v = "-0" + v[1:]
		}
	case crm.CustomDate:
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			return "", fmt.Errorf("%q is not a date (YYYY-MM-DD)", v)
		}
	case crm.CustomChoice:
		for _, o := range def.Options {
			if strings.EqualFold(o, v) {
				return o, nil
			}
		}
		if v == prev {
			return v, nil // an option since removed, unchanged on this contact
		}
		return "", fmt.Errorf("%q is not one of the choices", v)
	default:
		return "", fmt.Errorf("unknown kind %q", def.Kind)
	}
	return v, nil
}
