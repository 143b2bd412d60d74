package tzmap

import (
	"testing"
	"time"

	"fieldbook/backend/ical"
	"fieldbook/internal/testcorpus"
)

// readCorpusCal reads one corpus .ics file and fails on an error.
func readCorpusCal(t testing.TB, name string) *ical.Calendar {
	t.Helper()
	cal, _, err := ical.Read(testcorpus.Read(t, "ical/"+name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return cal
}

// mustLoad loads an IANA zone or fails.
func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// date returns midnight UTC of a date.
func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// firstDifference returns the first instant in [from, to) where the two
// locations' offsets differ, scanning hourly (an independent check of
// SameOffsets), or the zero time.
func firstDifference(a, b *time.Location, from, to time.Time) time.Time {
	for t := from; t.Before(to); t = t.Add(time.Hour) {
		_, oa := t.In(a).Zone()
		_, ob := t.In(b).Zone()
		if oa != ob {
			return t
		}
	}
	return time.Time{}
}
