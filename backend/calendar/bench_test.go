package calendar

import (
	"fmt"
	"testing"
	"time"

	"fieldbook/backend/crm"
)

// BenchmarkOccurrencesMonth reads a month of a calendar holding 2,000
// meetings spread over a year, 500 of them repeating (weekly, daily on
// weekdays, monthly; in four zones).
func BenchmarkOccurrencesMonth(b *testing.B) {
	fx := newFixture(b, "Europe/Berlin")
	zones := []string{"Europe/Berlin", "America/New_York", "Asia/Tokyo", ""}
	rules := []string{"FREQ=WEEKLY;BYDAY=MO", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "FREQ=MONTHLY;BYDAY=2TU", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=20"}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 2000 {
		start := base.Add(time.Duration(i%365)*24*time.Hour + time.Duration(8+i%9)*time.Hour)
		f := crm.EventFields{Title: fmt.Sprintf("Meeting %d", i), Start: start.Format(crm.LocalDateTimeLayout),
			End: start.Add(45 * time.Minute).Format(crm.LocalDateTimeLayout), TimeZone: zones[i%4],
			Attendees: []crm.Attendee{{Email: fmt.Sprintf("p%d@example.com", i%300)}}}
		if i%4 == 0 { // 500 series, started in the first months
			f.RRule = rules[(i/4)%4]
			s := base.Add(time.Duration(i%120)*24*time.Hour + 9*time.Hour)
			f.Start, f.End = s.Format(crm.LocalDateTimeLayout), s.Add(30*time.Minute).Format(crm.LocalDateTimeLayout)
		}
		fx.create(b, f)
	}
	from, to := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	var n int
	for b.Loop() {
		os, err := fx.svc.Occurrences(fx.ctx, from, to, nil)
		if err != nil {
			b.Fatal(err)
		}
		n = len(os)
	}
	b.ReportMetric(float64(n), "occurrences")
}
