package ical

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fieldbook/backend/contentline"
)

// Layouts of the local forms in DateTime.Local (the same as
// crm.LocalDateTimeLayout and crm.LocalDateLayout).
const (
	LocalDateTimeLayout = "2006-01-02T15:04:05"
	LocalDateLayout     = "2006-01-02"
)

// ZoneResolver finds the location a TZID parameter names. tzmap provides
// one that knows IANA names, Windows zone IDs, Outlook display names and
// the object's own VTIMEZONEs.
type ZoneResolver interface {
	// Location returns the location for tzid (the parameter value,
	// unquoted), with a warning worth logging or "", or an error when the
	// zone cannot be resolved (the value is then read as floating).
	Location(tzid string) (loc *time.Location, warning string, err error)
}

// ZoneResolverAt is implemented by resolvers that want the wall clock of the
// value being read, to judge a zone around that date (tzmap compares an
// embedded VTIMEZONE with the mapped IANA zone there). ParseDateTime calls
// LocationAt instead of Location when the resolver has it; wall holds the
// wall-clock reading in UTC.
type ZoneResolverAt interface {
	LocationAt(tzid string, wall time.Time) (loc *time.Location, warning string, err error)
}

// ZoneResolverFunc adapts a function to ZoneResolver.
type ZoneResolverFunc func(tzid string) (*time.Location, string, error)

// Location implements ZoneResolver.
func (f ZoneResolverFunc) Location(tzid string) (*time.Location, string, error) { return f(tzid) }

// SystemZones returns a ZoneResolver that only knows the IANA names of the
// system time zone database (time.LoadLocation).
func SystemZones() ZoneResolver {
	return ZoneResolverFunc(func(tzid string) (*time.Location, string, error) {
		name := strings.TrimSpace(tzid)
		if name == "" || strings.EqualFold(name, "local") {
			return nil, "", fmt.Errorf("ical: zone %q: not an IANA name", tzid)
		}
		loc, err := time.LoadLocation(name)
		if err != nil {
			return nil, "", fmt.Errorf("ical: zone %q: %w", tzid, err)
		}
		return loc, "", nil
	})
}

// ErrInvalidDateTime is wrapped by the errors of ParseDateTime for values
// that are not a DATE or DATE-TIME.
var ErrInvalidDateTime = errors.New("invalid date or date-time")

// DateTime is a parsed DATE or DATE-TIME value.
type DateTime struct {
	// Local is the value as written, in LocalDateTimeLayout, or in
	// LocalDateLayout for a date; for a UTC value it is the UTC wall clock.
	Local string
	// Date marks a DATE value (all-day); Instant is then midnight UTC of
	// that date and means nothing on its own.
	Date bool
	// UTC marks a value ending in Z.
	UTC bool
	// Floating marks a date-time without zone: no TZID and no Z, or a TZID
	// that could not be resolved (Warning then says so). Instant is then
	// the wall clock read in UTC; use In to place it.
	Floating bool
	// TZID is the TZID parameter as received (unquoted; values split on a
	// comma are joined again), "" when there was none.
	TZID string
	// TZIDQuoted reports that the TZID parameter was written in quotes.
	TZIDQuoted bool
	// HasTZID reports that a TZID parameter was present (it may be empty).
	HasTZID bool
	// Instant is the moment the value stands for (see Date and Floating).
	Instant time.Time
	// Zone is the resolved location: time.UTC for UTC values, nil for
	// dates and floating values.
	Zone *time.Location
	// Warning describes a repair or a zone problem worth logging, or "".
	Warning string
}

// In returns the moment of the value, reading dates (as midnight) and
// floating values as wall clock in loc.
func (dt DateTime) In(loc *time.Location) time.Time {
	if !dt.Date && !dt.Floating {
		return dt.Instant
	}
	if loc == nil {
		loc = time.UTC
	}
	t := dt.Instant
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, loc)
}

// ParseDateTime parses the DATE or DATE-TIME value of a property (DTSTART,
// DTEND, DUE, RECURRENCE-ID, …), resolving its TZID parameter with zones
// (nil: SystemZones). An invalid value ("20131009T170000T") is an error
// wrapping ErrInvalidDateTime that the caller can skip; an unknown zone is
// not an error but a floating value with a Warning.
func ParseDateTime(p *Property, zones ZoneResolver) (DateTime, error) {
	if p == nil {
		return DateTime{}, fmt.Errorf("ical: %w: no property", ErrInvalidDateTime)
	}
	tzid, quoted, has := tzidParam(p)
	dt, err := parseDateTimeValue(strings.TrimSpace(p.Value), tzid, has, zones)
	if err != nil {
		return DateTime{}, fmt.Errorf("ical: %s: %w", p.Name, err)
	}
	dt.TZIDQuoted = quoted
	return dt, nil
}

// ParseDateTimes parses a comma-separated list of DATE or DATE-TIME values
// (EXDATE, RDATE) with the property's TZID. For a PERIOD ("start/end" or
// "start/duration") the start is taken. Values that do not parse are left
// out and reported together in the error.
func ParseDateTimes(p *Property, zones ZoneResolver) ([]DateTime, error) {
	if p == nil {
		return nil, fmt.Errorf("ical: %w: no property", ErrInvalidDateTime)
	}
	tzid, quoted, has := tzidParam(p)
	var out []DateTime
	var errs []error
	for _, item := range strings.Split(p.Value, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if slash := strings.IndexByte(item, '/'); slash >= 0 {
			item = item[:slash]
		}
		dt, err := parseDateTimeValue(item, tzid, has, zones)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		dt.TZIDQuoted = quoted
		out = append(out, dt)
	}
	if len(errs) > 0 {
		return out, fmt.Errorf("ical: %s: %w", p.Name, errors.Join(errs...))
	}
	return out, nil
}

// ParseDateTimeValue parses one DATE or DATE-TIME value with an optional
// TZID ("" for none), as ParseDateTime does.
func ParseDateTimeValue(value, tzid string, zones ZoneResolver) (DateTime, error) {
	dt, err := parseDateTimeValue(strings.TrimSpace(value), tzid, tzid != "", zones)
	if err != nil {
		return DateTime{}, fmt.Errorf("ical: %w", err)
	}
	return dt, nil
}

// tzidParam returns the TZID parameter of p.
func tzidParam(p *Property) (tzid string, quoted, has bool) {
	pa, ok := p.GetParam("TZID")
	if !ok {
		return "", false, false
	}
	return strings.Join(pa.Values, ","), pa.Quoted, true
}

// parseDateTimeValue does the work of ParseDateTime.
func parseDateTimeValue(v, tzid string, hasTZID bool, zones ZoneResolver) (DateTime, error) {
	dt := DateTime{TZID: tzid, HasTZID: hasTZID}
	f, err := scanDateTime(v)
	if err != nil {
		return DateTime{}, err
	}
	if f.date {
		dt.Date = true
		dt.Instant = time.Date(f.y, time.Month(f.mo), f.d, 0, 0, 0, 0, time.UTC)
		dt.Local = dt.Instant.Format(LocalDateLayout)
		if f.utc {
			dt.Warning = "a 'Z' after a DATE value was ignored"
		}
		return dt, nil
	}
	wall := time.Date(f.y, time.Month(f.mo), f.d, f.h, f.mi, f.s, 0, time.UTC)
	dt.Local = wall.Format(LocalDateTimeLayout)
	switch {
	case f.utc:
		dt.UTC, dt.Zone, dt.Instant = true, time.UTC, wall
		if hasTZID {
			dt.Warning = fmt.Sprintf("TZID %q ignored on a UTC value", tzid)
		}
	case hasTZID:
		if zones == nil {
			zones = SystemZones()
		}
		var loc *time.Location
		var warn string
		var err error
		if at, ok := zones.(ZoneResolverAt); ok {
			loc, warn, err = at.LocationAt(tzid, wall)
		} else {
			loc, warn, err = zones.Location(tzid)
		}
		if err != nil || loc == nil {
			dt.Floating, dt.Instant = true, wall
			msg := fmt.Sprintf("time zone %q is unknown; the time is read as floating", tzid)
			if err != nil {
				msg += " (" + err.Error() + ")"
			}
			dt.Warning = msg
			return dt, nil
		}
		dt.Zone = loc
		dt.Instant = time.Date(f.y, time.Month(f.mo), f.d, f.h, f.mi, f.s, 0, loc)
		dt.Warning = warn
	default:
		dt.Floating, dt.Instant = true, wall
	}
	return dt, nil
}

// dtFields are the numbers of a scanned value.
type dtFields struct {
	y, mo, d, h, mi, s int
	date, utc          bool
}

// scanDateTime reads YYYYMMDD or YYYYMMDDTHHMMSS[Z] (also the extended
// forms with '-' and ':', a lower-case t/z and a missing seconds field).
func scanDateTime(v string) (dtFields, error) {
	var f dtFields
	bad := func() (dtFields, error) {
		return dtFields{}, fmt.Errorf("%w: %q", ErrInvalidDateTime, contentline.Truncate(v, 40))
	}
	s := v
	if n := len(s); n > 0 && (s[n-1] == 'Z' || s[n-1] == 'z') {
		f.utc = true
		s = s[:n-1]
	}
	datePart, timePart, hasTime := strings.Cut(s, "T")
	if !hasTime {
		datePart, timePart, hasTime = strings.Cut(s, "t")
	}
	datePart = strings.ReplaceAll(datePart, "-", "")
	if len(datePart) != 8 || !allDigits(datePart) {
		return bad()
	}
	f.y, f.mo, f.d = atoi(datePart[:4]), atoi(datePart[4:6]), atoi(datePart[6:8])
	if f.y < 1 || f.mo < 1 || f.mo > 12 || f.d < 1 || f.d > daysIn(f.y, f.mo) {
		return bad()
	}
	if !hasTime {
		f.date = true
		return f, nil
	}
	timePart = strings.ReplaceAll(timePart, ":", "")
	switch len(timePart) {
	case 4:
		timePart += "00"
	case 6:
	default:
		return bad()
	}
	if !allDigits(timePart) {
		return bad()
	}
	f.h, f.mi, f.s = atoi(timePart[:2]), atoi(timePart[2:4]), atoi(timePart[4:6])
	if f.h > 23 && !(f.h == 24 && f.mi == 0 && f.s == 0) || f.mi > 59 || f.s > 60 {
		return bad()
	}
	if f.s == 60 {
		f.s = 59 // a leap second
	}
	return f, nil
}

// daysIn returns the number of days in a month.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// allDigits reports whether s holds only ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// atoi converts a string of digits.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// FormatDateTime returns the iCalendar text of dt: YYYYMMDD for a date,
// the UTC instant with Z for a UTC value, else the local wall clock
// YYYYMMDDTHHMMSS. It fails when Local is not in one of the local layouts.
func FormatDateTime(dt DateTime) (string, error) {
	if dt.UTC && !dt.Date {
		return dt.Instant.UTC().Format("20060102T150405Z"), nil
	}
	if dt.Date {
		t, err := time.Parse(LocalDateLayout, dt.Local)
		if err != nil {
			return "", fmt.Errorf("ical: date %q: %w", dt.Local, err)
		}
		return t.Format("20060102"), nil
	}
	t, err := time.Parse(LocalDateTimeLayout, dt.Local)
	if err != nil {
		return "", fmt.Errorf("ical: date-time %q: %w", dt.Local, err)
	}
	return t.Format("20060102T150405"), nil
}

// SetDateTime sets a property's value and parameters to dt: VALUE=DATE for
// a date; a TZID parameter for a zoned local value (an existing TZID
// parameter with the same text is kept as written, quotes included, else
// it is written quoted when dt.TZIDQuoted); no TZID for dates, UTC and
// floating values.
func (p *Property) SetDateTime(dt DateTime) error {
	v, err := FormatDateTime(dt)
	if err != nil {
		return err
	}
	p.Value = v
	if dt.Date {
		p.SetParam("VALUE", "DATE")
	} else if strings.EqualFold(p.Param("VALUE"), "DATE") {
		p.RemoveParam("VALUE")
	}
	zoned := !dt.Date && !dt.UTC && dt.TZID != ""
	if !zoned {
		p.RemoveParam("TZID")
		return nil
	}
	if tz, _, has := tzidParam(p); has && tz == dt.TZID {
		return nil
	}
	p.RemoveParam("TZID")
	p.Params = append(p.Params, Param{Name: "TZID", Values: []string{dt.TZID}, Quoted: dt.TZIDQuoted})
	return nil
}

// NewDateTimeProperty returns a property (DTSTART, DUE, …) holding dt.
func NewDateTimeProperty(name string, dt DateTime) (*Property, error) {
	p := NewProperty(name, "")
	if err := p.SetDateTime(dt); err != nil {
		return nil, err
	}
	return p, nil
}
