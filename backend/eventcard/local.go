package eventcard

import (
	"fmt"
	"strings"
	"time"

	"fieldbook/backend/crm"
)

// parseLocal reads a local value in crm's forms: a date or a wall-clock
// date-time (returned as a time.Time in UTC holding the wall clock).
func parseLocal(s string) (t time.Time, date bool, err error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(crm.LocalDateTimeLayout, s); err == nil {
		return t, false, nil
	}
	if t, err := time.Parse(crm.LocalDateLayout, s); err == nil {
		return t, true, nil
	}
	if t, err := time.Parse("2006-01-02T15:04", s); err == nil {
		return t, false, nil
	}
	return time.Time{}, false, fmt.Errorf("eventcard: %q is not a local date or date-time", s)
}

// formatLocal writes a wall-clock value in crm's forms.
func formatLocal(t time.Time, date bool) string {
	if date {
		return t.Format(crm.LocalDateLayout)
	}
	return t.Format(crm.LocalDateTimeLayout)
}

// wallIn is the wall clock of an instant in loc.
func wallIn(instant time.Time, loc *time.Location) time.Time {
	l := instant.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), l.Second(), 0, time.UTC)
}

// instantIn reads a wall-clock value in loc.
func instantIn(w time.Time, loc *time.Location) time.Time {
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, loc)
}

// icalLocal writes a local value as iCalendar text: YYYYMMDD or
// YYYYMMDDTHHMMSS.
func icalLocal(v string) (string, bool, error) {
	t, date, err := parseLocal(v)
	if err != nil {
		return "", false, err
	}
	if date {
		return t.Format("20060102"), true, nil
	}
	return t.Format("20060102T150405"), false, nil
}
