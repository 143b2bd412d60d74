package recurrence

import (
	"fmt"
	"strings"
	"time"

	"fieldbook/backend/crm"
)

// A wall-clock value is kept as a time.Time in UTC whose fields are the
// local date and time; arithmetic on it is calendar arithmetic with no DST.

// parseWall reads a key or a Start/End value: "2006-01-02" (date = true) or
// "2006-01-02T15:04:05" (seconds optional). The compact iCalendar forms
// ("20060102", "20060102T150405") are accepted too.
func parseWall(s string) (t time.Time, date bool, err error) {
	s = strings.TrimSpace(s)
	for _, l := range []struct {
		layout string
		date   bool
	}{
		{crm.LocalDateTimeLayout, false},
		{crm.LocalDateLayout, true},
		{"2006-01-02T15:04", false},
		{"20060102T150405", false},
		{"20060102", true},
	} {
		if len(s) != len(l.layout) {
			continue
		}
		if t, err := time.Parse(l.layout, s); err == nil {
			return t, l.date, nil
		}
	}
	return time.Time{}, false, fmt.Errorf("recurrence: %q is not a local date or date-time", s)
}

// formatWall writes a wall-clock value as a key in the given form.
func formatWall(t time.Time, date bool) string {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		if date {
			return t.Format(crm.LocalDateLayout)
		}
		return t.Format(crm.LocalDateTimeLayout)
	}
	var b [19]byte
	put := func(i, v, n int) {
		for j := i + n - 1; j >= i; j-- {
			b[j] = byte('0' + v%10)
			v /= 10
		}
	}
	put(0, y, 4)
	b[4] = '-'
	put(5, int(m), 2)
	b[7] = '-'
	put(8, d, 2)
	if date {
		return string(b[:10])
	}
	h, mi, s := t.Clock()
	b[10] = 'T'
	put(11, h, 2)
	b[13] = ':'
	put(14, mi, 2)
	b[16] = ':'
	put(17, s, 2)
	return string(b[:])
}

// dateOf is the midnight of the wall value's date.
func dateOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// wallOf is the wall clock of an instant in loc.
func wallOf(instant time.Time, loc *time.Location) time.Time {
	l := instant.In(loc)
	y, m, d := l.Date()
	h, mi, s := l.Clock()
	return time.Date(y, m, d, h, mi, s, 0, time.UTC)
}

// sameWall reports whether instant u reads as wall clock w in its location.
func sameWall(u, w time.Time) bool {
	y, m, d := u.Date()
	h, mi, s := u.Clock()
	wy, wm, wd := w.Date()
	wh, wmi, ws := w.Clock()
	return y == wy && m == wm && d == wd && h == wh && mi == wmi && s == ws
}

// instantOf turns a wall-clock value into an instant in loc by RFC 5545's
// rules: a time skipped by a forward change is read with the offset before
// the change (02:30 → 03:30 summer time), and a time that occurs twice is
// the first of the two.
func instantOf(w time.Time, loc *time.Location) time.Time {
	y, m, d := w.Date()
	h, mi, s := w.Clock()
	t := time.Date(y, m, d, h, mi, s, 0, loc)
	_, off := t.Zone()
	_, offBefore := t.Add(-12 * time.Hour).Zone()
	_, offAfter := t.Add(12 * time.Hour).Zone()
	if off == offBefore && off == offAfter {
		return t
	}
	naive := w.Unix()
	var best time.Time
	for _, o := range []int{offBefore, off, offAfter} {
		u := time.Unix(naive-int64(o), 0).In(loc)
		if sameWall(u, w) && (best.IsZero() || u.Before(best)) {
			best = u
		}
	}
	if !best.IsZero() {
		return best
	}
	return time.Unix(naive-int64(offBefore), 0).In(loc)
}

// Key converts a received date or date-time into the key of an occurrence
// of the series f (see the package documentation), for EXDATE, RDATE and
// RECURRENCE-ID values.
//
// local is the value's wall clock as written; date tells a DATE value; loc
// is the value's own location (nil for a floating value) and masterLoc the
// master's. A date-time value of a timed series is converted into the
// master's wall clock; for an all-day series it keeps its own local date
// (an Exchange RECURRENCE-ID "20200416T000000" in GMT Standard Time is
// 2020-04-16, not the UTC date 2020-04-15); a date of a timed series stays a
// date, which matches every occurrence that day.
func Key(local time.Time, date bool, loc *time.Location, f crm.EventFields, masterLoc *time.Location) string {
	w := time.Date(local.Year(), local.Month(), local.Day(), local.Hour(), local.Minute(), local.Second(), 0, time.UTC)
	if date || f.AllDay {
		return formatWall(dateOf(w), true)
	}
	if loc != nil && masterLoc != nil && loc.String() != masterLoc.String() {
		w = wallOf(instantOf(w, loc), masterLoc)
	}
	return formatWall(w, false)
}
