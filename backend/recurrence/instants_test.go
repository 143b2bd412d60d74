package recurrence

import (
	"testing"
	"time"

	"fieldbook/backend/crm"
)

func TestSetInstants(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	utc := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	for _, tc := range []struct {
		name             string
		f                crm.EventFields
		start, end, last string // last "" = never ends
	}{
		{"single in summer time", crm.EventFields{Start: "2026-07-01T09:00:00", End: "2026-07-01T10:30:00"},
			"2026-07-01T07:00:00Z", "2026-07-01T08:30:00Z", "2026-07-01T08:30:00Z"},
		{"weekly, three times across the October change", crm.EventFields{Start: "2026-10-19T09:00:00", End: "2026-10-19T10:00:00",
			RRule: "FREQ=WEEKLY;COUNT=3"}, "2026-10-19T07:00:00Z", "2026-10-19T08:00:00Z", "2026-11-02T09:00:00Z"},
		{"weekly without end", crm.EventFields{Start: "2026-10-19T09:00:00", End: "2026-10-19T10:00:00", RRule: "FREQ=WEEKLY"},
			"2026-10-19T07:00:00Z", "2026-10-19T08:00:00Z", ""},
		{"all day (read in loc)", crm.EventFields{Start: "2026-07-01", End: "2026-07-02", AllDay: true},
			"2026-06-30T22:00:00Z", "2026-07-01T22:00:00Z", "2026-07-01T22:00:00Z"},
		{"a time skipped by the March change reads with the offset before it", crm.EventFields{Start: "2026-03-29T02:30:00", End: "2026-03-29T04:00:00"},
			"2026-03-29T01:30:00Z", "2026-03-29T02:00:00Z", "2026-03-29T02:00:00Z"},
		{"an end before the start is the start", crm.EventFields{Start: "2026-07-01T09:00:00", End: "2026-07-01T08:00:00"},
			"2026-07-01T07:00:00Z", "2026-07-01T07:00:00Z", "2026-07-01T07:00:00Z"},
	} {
		e := crm.Event{EventFields: tc.f}
		if err := SetInstants(&e, berlin); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !e.StartUTC.Equal(utc(tc.start)) || !e.EndUTC.Equal(utc(tc.end)) {
			t.Errorf("%s: start, end = %s, %s; want %s, %s", tc.name, e.StartUTC, e.EndUTC, tc.start, tc.end)
		}
		switch {
		case tc.last == "" && e.SeriesEndUTC != nil:
			t.Errorf("%s: series end = %s; want none", tc.name, e.SeriesEndUTC)
		case tc.last != "" && (e.SeriesEndUTC == nil || !e.SeriesEndUTC.Equal(utc(tc.last))):
			t.Errorf("%s: series end = %v; want %s", tc.name, e.SeriesEndUTC, tc.last)
		}
	}
	bad := crm.Event{EventFields: crm.EventFields{Start: "2026-07-01T09:00:00", End: "tomorrow"}}
	if err := SetInstants(&bad, berlin); crm.ErrorCode(err) != crm.CodeEventInvalidTime {
		t.Errorf("bad end: %v; want event_invalid_time", err)
	}
}

func TestDueInstant(t *testing.T) {
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	if d, err := DueInstant("", tokyo); d != nil || err != nil {
		t.Errorf("no due = %v, %v", d, err)
	}
	if d, err := DueInstant("2026-07-01T09:00:00", tokyo); err != nil || !d.Equal(time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("timed due = %v, %v", d, err)
	}
	if d, err := DueInstant("2026-07-01", tokyo); err != nil || !d.Equal(time.Date(2026, 6, 30, 15, 0, 0, 0, time.UTC)) {
		t.Errorf("dated due = %v, %v", d, err)
	}
	if _, err := DueInstant("soon", tokyo); crm.ErrorCode(err) != crm.CodeTaskInvalid {
		t.Errorf("bad due: %v; want task_invalid", err)
	}
}
