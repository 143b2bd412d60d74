package contactcard

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fieldbook/backend/vcard"
)

// date is a calendar date; year 0 means the year is unknown.
type date struct{ year, month, day int }

// String formats d as "YYYY-MM-DD" or "--MM-DD".
func (d date) String() string {
	if d.year == 0 {
		return fmt.Sprintf("--%02d-%02d", d.month, d.day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.year, d.month, d.day)
}

// basic formats d in ISO 8601 basic form: "YYYYMMDD" or "--MMDD".
func (d date) basic() string {
	if d.year == 0 {
		return fmt.Sprintf("--%02d%02d", d.month, d.day)
	}
	return fmt.Sprintf("%04d%02d%02d", d.year, d.month, d.day)
}

// parseDate reads a date as vCards write it: "1985-03-17", "19850317",
// "--03-17", "--0317", each optionally followed by a time ("T…"). ok is
// false for anything else, including impossible days (29 February is
// accepted without a year).
func parseDate(s string) (date, bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "Tt"); i >= 0 {
		s = s[:i]
	}
	var d date
	rest := s
	if strings.HasPrefix(s, "--") {
		rest = s[2:]
	} else {
		if len(s) < 8 {
			return d, false
		}
		y, ok := digits(s[:4])
		if !ok || y < 1 {
			return d, false
		}
		d.year = y
		rest = s[4:]
	}
	rest = strings.ReplaceAll(rest, "-", "")
	if len(rest) != 4 {
		return d, false
	}
	m, ok1 := digits(rest[:2])
	day, ok2 := digits(rest[2:])
	if !ok1 || !ok2 || m < 1 || m > 12 || day < 1 {
		return d, false
	}
	y := d.year
	if y == 0 {
		y = 2000 // a leap year
	}
	if time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC).Day() != day {
		return d, false
	}
	d.month, d.day = m, day
	return d, true
}

// digits parses a string of ASCII digits only.
func digits(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// canonicalDate returns a date field in canonical form, or "" when it is
// not a date.
func canonicalDate(s string) string {
	d, ok := parseDate(s)
	if !ok {
		return ""
	}
	return d.String()
}

// propDate reads the date of a BDAY-like property. Apple's
// X-APPLE-OMIT-YEAR=1604 with a value in year 1604 is a date without a year.
func propDate(p *vcard.Property) (date, bool) {
	d, ok := parseDate(p.Value)
	if !ok {
		return d, false
	}
	if omit := strings.TrimSpace(p.Param("X-APPLE-OMIT-YEAR")); omit != "" {
		if y, ok := digits(omit); ok && y == d.year {
			d.year = 0
		}
	}
	return d, true
}

// setPropDate writes d into p in the style of its current value (basic or
// extended), keeping Apple's omitted-year convention when p uses it.
func setPropDate(p *vcard.Property, d date) {
	omit, hasOmit := digits(strings.TrimSpace(p.Param("X-APPLE-OMIT-YEAR")))
	switch {
	case hasOmit && d.year == 0 && omit > 0:
		d.year = omit
	case hasOmit:
		p.SetParam("X-APPLE-OMIT-YEAR")
	}
	old := strings.TrimSpace(p.Value)
	if i := strings.IndexAny(old, "Tt"); i >= 0 {
		old = old[:i]
	}
	basic := old != "" && !strings.Contains(strings.TrimPrefix(old, "--"), "-")
	if basic {
		p.SetValue(d.basic())
	} else {
		p.SetValue(d.String())
	}
	switch strings.ToLower(p.Param("VALUE")) {
	case "date-time", "timestamp", "text":
		p.SetParam("VALUE", "date")
	}
}
