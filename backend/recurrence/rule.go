package recurrence

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/teambition/rrule-go"

	"fieldbook/backend/crm"
)

// Error codes of the errors this package returns as *crm.Error; the app
// passes them to the UI.
const (
	// CodeRuleInvalid is an RRULE that cannot be read.
	CodeRuleInvalid = "rrule_invalid"
	// CodeTimeInvalid is a Start, End or key that is not a local date or
	// date-time.
	CodeTimeInvalid = "event_invalid_time"
)

// ruleParts are the known RRULE parts, in the order RFC 5545 lists them.
var ruleParts = map[string]bool{
	"FREQ": true, "UNTIL": true, "COUNT": true, "INTERVAL": true,
	"BYSECOND": true, "BYMINUTE": true, "BYHOUR": true, "BYDAY": true,
	"BYMONTHDAY": true, "BYYEARDAY": true, "BYWEEKNO": true, "BYMONTH": true,
	"BYSETPOS": true, "WKST": true,
}

// part is one NAME=value of an RRULE.
type part struct{ name, value string }

// splitRule cuts an RRULE value into its parts, leniently: an "RRULE:"
// prefix, spaces and lower case are tolerated, empty parts skipped.
func splitRule(s string) []part {
	s = strings.TrimSpace(s)
	if len(s) >= 6 && strings.EqualFold(s[:6], "RRULE:") {
		s = s[6:]
	}
	var out []part
	for _, p := range strings.Split(s, ";") {
		name, value, _ := strings.Cut(p, "=")
		name = strings.ToUpper(strings.TrimSpace(name))
		value = strings.ToUpper(strings.Join(strings.Fields(value), ""))
		if name == "" {
			continue
		}
		out = append(out, part{name, value})
	}
	return out
}

// joinRule writes parts back as an RRULE value.
func joinRule(parts []part) string {
	s := make([]string, len(parts))
	for i, p := range parts {
		s[i] = p.name + "=" + p.value
	}
	return strings.Join(s, ";")
}

// rule is a parsed RRULE: rrule-go's options without DTSTART and UNTIL, and
// UNTIL as written.
type rule struct {
	opt   rrule.ROption
	until string // raw UNTIL value, "" for none
	count int
}

// parseRule reads an RRULE value.
func parseRule(s string) (*rule, error) {
	r := &rule{}
	var kept []string
	freq := false
	for _, p := range splitRule(s) {
		if !ruleParts[p.name] {
			continue // X- parts, RSCALE, SKIP: not modelled
		}
		switch p.name {
		case "UNTIL":
			r.until = p.value
			continue
		case "FREQ":
			freq = true
		case "COUNT":
			n, err := strconv.Atoi(p.value)
			if err != nil || n < 0 {
				return nil, ruleError("COUNT %q is not a number", p.value)
			}
			r.count = n
		}
		kept = append(kept, p.name+"="+p.value)
	}
	if !freq {
		return nil, ruleError("%q has no FREQ", s)
	}
	opt, err := rrule.StrToROption(strings.Join(kept, ";"))
	if err != nil {
		return nil, ruleError("%q: %v", s, err)
	}
	if opt.Interval < 0 || opt.Count < 0 {
		return nil, ruleError("%q has a negative INTERVAL or COUNT", s)
	}
	r.opt = *opt
	if r.until != "" {
		if _, _, _, err := parseUntil(r.until); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// parseUntil reads an UNTIL value: "20060102" (date), "20060102T150405Z"
// (utc) or "20060102T150405" (floating).
func parseUntil(v string) (t time.Time, date, utc bool, err error) {
	if strings.HasSuffix(v, "Z") {
		t, err = time.Parse("20060102T150405Z", v)
		if err != nil {
			// a date with Z, as Google writes RDATE:20131210Z
			t, err = time.Parse("20060102Z", v)
			if err == nil {
				return t, true, false, nil
			}
			return time.Time{}, false, false, ruleError("UNTIL %q is not a date-time", v)
		}
		return t, false, true, nil
	}
	t, date, err = parseWall(v)
	if err != nil {
		return time.Time{}, false, false, ruleError("UNTIL %q is not a date or date-time", v)
	}
	return t, date, false, nil
}

// untilWall is the last wall-clock start UNTIL allows, for a series that
// starts at wall-clock values (all-day ones at midnight) in loc.
func untilWall(v string, loc *time.Location) (time.Time, error) {
	t, date, utc, err := parseUntil(v)
	switch {
	case err != nil:
		return time.Time{}, err
	case utc:
		return wallOf(t, loc), nil
	case date:
		return dateOf(t).Add(24*time.Hour - time.Second), nil
	}
	return t, nil
}

// ruleError is an RRULE that cannot be read.
func ruleError(format string, args ...any) error {
	return &crm.Error{Code: CodeRuleInvalid, Field: "rrule",
		Message: fmt.Sprintf("recurrence rule: "+format, args...)}
}

// Validate reports whether rrule is a recurrence rule Expand can read
// (an *crm.Error with CodeRuleInvalid if not). "" is valid: no recurrence.
func Validate(rrule string) error {
	if strings.TrimSpace(rrule) == "" {
		return nil
	}
	r, err := parseRule(rrule)
	if err != nil {
		return err
	}
	opt := r.opt
	opt.Dtstart = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if _, err := newRRule(opt); err != nil {
		return err
	}
	return nil
}

// newRRule builds rrule-go's rule, mapping its errors.
func newRRule(opt rrule.ROption) (*rrule.RRule, error) {
	rr, err := rrule.NewRRule(opt)
	if err != nil {
		return nil, ruleError("%v", err)
	}
	return rr, nil
}

// withEnd returns rrule with its COUNT and UNTIL replaced: until is written
// as UNTIL when not "", count as COUNT when > 0. Other parts keep their
// order and spelling (normalised to upper case without spaces).
func withEnd(s string, until string, count int) string {
	var parts []part
	for _, p := range splitRule(s) {
		if p.name == "UNTIL" || p.name == "COUNT" {
			continue
		}
		parts = append(parts, p)
	}
	// FREQ first, then the end, then the rest, as most writers do.
	out := make([]part, 0, len(parts)+1)
	var rest []part
	for _, p := range parts {
		if p.name == "FREQ" {
			out = append(out, p)
		} else {
			rest = append(rest, p)
		}
	}
	if until != "" {
		out = append(out, part{"UNTIL", until})
	}
	if count > 0 {
		out = append(out, part{"COUNT", strconv.Itoa(count)})
	}
	return joinRule(append(out, rest...))
}
