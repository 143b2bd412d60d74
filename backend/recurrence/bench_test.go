package recurrence

import (
	"fmt"
	"testing"
	"time"

	"fieldbook/backend/crm"
)

// BenchmarkExpandYear500Weekly expands a year of 500 weekly series (in
// four zones, started up to two years before the window, each with an
// EXDATE and an override) — what the calendar's year view and the
// reminder scheduler ask for.
func BenchmarkExpandYear500Weekly(b *testing.B) {
	zones := []string{"Europe/Berlin", "America/Chicago", "Australia/Sydney", "Asia/Kolkata"}
	locs := make([]*time.Location, len(zones))
	for i, z := range zones {
		locs[i] = zone(b, z)
	}
	series := make([]crm.EventFields, 500)
	for i := range series {
		start := time.Date(2023, 1, 2, 8+i%10, 15*(i%4), 0, 0, time.UTC).AddDate(0, 0, i%730)
		series[i] = crm.EventFields{
			Title: fmt.Sprintf("Series %d", i), TimeZone: zones[i%len(zones)],
			Start: formatWall(start, false), End: formatWall(start.Add(45*time.Minute), false),
			RRule:   "FREQ=WEEKLY;BYDAY=" + []string{"MO", "TU", "WE", "TH", "FR"}[i%5],
			ExDates: []string{formatWall(start.AddDate(0, 0, 7*(1+i%20)), false)},
			Overrides: []crm.Occurrence{{RecurrenceID: formatWall(start.AddDate(0, 0, 14), false),
				Fields: crm.EventFields{Title: "Moved", Start: formatWall(start.AddDate(0, 0, 15), false),
					End: formatWall(start.AddDate(0, 0, 15).Add(time.Hour), false), TimeZone: zones[i%len(zones)]}}},
		}
	}
	from, to := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = 0
		for i, f := range series {
			got, err := Expand(f, locs[i%len(locs)], from, to, 0)
			if err != nil {
				b.Fatal(err)
			}
			n += len(got)
		}
	}
	b.ReportMetric(float64(n), "occurrences")
}
