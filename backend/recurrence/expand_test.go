package recurrence

import (
	"testing"
	"time"

	"fieldbook/backend/crm"
)

// TestExpandDST checks that the wall clock stays constant across DST
// changes in three zones, north and south, and that the UTC instants move.
func TestExpandDST(t *testing.T) {
	tests := []struct {
		name, zone string
		f          crm.EventFields
		want       []string
		wantLocal  []string
	}{
		{
			name: "Berlin autumn", zone: "Europe/Berlin",
			f: crm.EventFields{Start: "2020-10-19T10:00:00", End: "2020-10-19T11:00:00",
				TimeZone: "Europe/Berlin", RRule: "FREQ=WEEKLY;COUNT=3"},
			want:      []string{"2020-10-19T08:00:00Z", "2020-10-26T09:00:00Z", "2020-11-02T09:00:00Z"},
			wantLocal: []string{"2020-10-19T10:00:00", "2020-10-26T10:00:00", "2020-11-02T10:00:00"},
		},
		{
			name: "Berlin spring", zone: "Europe/Berlin",
			f: crm.EventFields{Start: "2021-03-22T10:00:00", End: "2021-03-22T11:00:00",
				TimeZone: "Europe/Berlin", RRule: "FREQ=WEEKLY;COUNT=2"},
			want: []string{"2021-03-22T09:00:00Z", "2021-03-29T08:00:00Z"},
		},
		{
			// rie__issue_48: 14:15 CDT = 19:15Z, then 14:15 CST = 20:15Z,
			// EXDATEs matched on local times.
			name: "Chicago rie_48", zone: "America/Chicago",
			f: crm.EventFields{Start: "2020-09-25T14:15:00", End: "2020-09-25T14:30:00",
				TimeZone: "America/Chicago", RRule: "FREQ=WEEKLY;WKST=MO;UNTIL=20201205T000000Z",
				ExDates: []string{"2020-11-27T14:15:00", "2020-11-06T14:15:00", "2020-10-23T14:15:00"}},
			want: []string{"2020-09-25T19:15:00Z", "2020-10-02T19:15:00Z", "2020-10-09T19:15:00Z",
				"2020-10-16T19:15:00Z", "2020-10-30T19:15:00Z", "2020-11-13T20:15:00Z",
				"2020-11-20T20:15:00Z", "2020-12-04T20:15:00Z"},
		},
		{
			// rie__issue_48 p1lg: weekdays until 2020-09-23T04:59:59Z
			// (23:59:59 CDT on the 22nd), EXDATE on the 16th.
			name: "Chicago rie_48 until", zone: "America/Chicago",
			f: crm.EventFields{Start: "2020-09-15T08:15:00", End: "2020-09-15T08:30:00",
				TimeZone: "America/Chicago", RRule: "FREQ=WEEKLY;UNTIL=20200923T045959Z;BYDAY=FR,MO,TH,TU,WE",
				ExDates: []string{"2020-09-16T08:15:00"}},
			want: []string{"2020-09-15T13:15:00Z", "2020-09-17T13:15:00Z", "2020-09-18T13:15:00Z",
				"2020-09-21T13:15:00Z", "2020-09-22T13:15:00Z"},
		},
		{
			// Southern hemisphere: DST starts 2020-10-04 and ends 2021-04-04.
			name: "Sydney", zone: "Australia/Sydney",
			f: crm.EventFields{Start: "2020-10-01T09:00:00", End: "2020-10-01T09:30:00",
				TimeZone: "Australia/Sydney", RRule: "FREQ=MONTHLY;BYMONTHDAY=1,8;COUNT=4",
				RDates: []string{"2021-04-01T09:00:00", "2021-04-08T09:00:00"}},
			want: []string{"2020-09-30T23:00:00Z", "2020-10-07T22:00:00Z", "2020-10-31T22:00:00Z",
				"2020-11-07T22:00:00Z", "2021-03-31T22:00:00Z", "2021-04-07T23:00:00Z"},
		},
		{
			// A time skipped by the change is read with the offset before
			// it (02:30 → 03:30 CEST); a repeated time is the first one.
			name: "Berlin gap and fold", zone: "Europe/Berlin",
			f: crm.EventFields{Start: "2021-03-27T02:30:00", End: "2021-03-27T02:45:00",
				TimeZone: "Europe/Berlin", RRule: "FREQ=DAILY;COUNT=2",
				RDates: []string{"2021-10-31T02:30:00"}},
			want: []string{"2021-03-27T01:30:00Z", "2021-03-28T01:30:00Z", "2021-10-31T00:30:00Z"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := expandAll(t, tt.f, zone(t, tt.zone))
			equalStrings(t, "starts", starts(got), tt.want)
			if tt.wantLocal != nil {
				equalStrings(t, "local starts", localStarts(got), tt.wantLocal)
				equalStrings(t, "keys", ids(got), tt.wantLocal)
			}
			for _, in := range got {
				if d := in.End.Sub(in.Start); d <= 0 {
					t.Errorf("%s lasts %v", in.RecurrenceID, d)
				}
			}
		})
	}
}

// TestExpandAllDayNeverShifts expands all-day series in zones on both sides
// of UTC and across DST: the dates stay, the instants are local midnights.
func TestExpandAllDayNeverShifts(t *testing.T) {
	f := crm.EventFields{Title: "Birthday", Start: "2020-03-28", End: "2020-03-29", AllDay: true,
		RRule: "FREQ=WEEKLY;COUNT=3"}
	for _, name := range []string{"Europe/Berlin", "America/Chicago", "Australia/Sydney", "Pacific/Kiritimati", "UTC"} {
		loc := zone(t, name)
		got := expandAll(t, f, loc)
		equalStrings(t, name+" dates", localStarts(got), []string{"2020-03-28", "2020-04-04", "2020-04-11"})
		equalStrings(t, name+" keys", ids(got), []string{"2020-03-28", "2020-04-04", "2020-04-11"})
		for _, in := range got {
			ls, le := in.Start.In(loc), in.End.In(loc)
			if ls.Hour() != 0 || ls.Minute() != 0 || le.Hour() != 0 || ls.Format("2006-01-02") != in.Fields.Start ||
				le.Format("2006-01-02") != in.Fields.End || !in.Fields.AllDay {
				t.Errorf("%s: %s is %v – %v", name, in.Fields.Start, ls, le)
			}
		}
	}
}

// TestExpandUntil covers UNTIL forms: UTC inclusive (ic4a__outlook1), a
// floating UNTIL on a zoned start (rie__issue_27), a date UNTIL on a timed
// start, and an Exchange UTC UNTIL on an all-day series (rie__issue_28).
func TestExpandUntil(t *testing.T) {
	berlin, london := zone(t, "Europe/Berlin"), zone(t, "Europe/London")
	outlook := crm.EventFields{Start: "2019-10-23T09:00:00", End: "2019-10-23T09:30:00", TimeZone: "Europe/Berlin",
		RRule: "FREQ=WEEKLY;UNTIL=20191218T080000Z;INTERVAL=1;BYDAY=WE;WKST=MO"}
	got := expandAll(t, outlook, berlin)
	if len(got) != 9 || starts(got)[0] != "2019-10-23T07:00:00Z" || starts(got)[8] != "2019-12-18T08:00:00Z" {
		t.Errorf("outlook1: %v", starts(got))
	}
	rie27 := crm.EventFields{Start: "2020-04-26T14:00:00", End: "2020-04-26T15:00:00", TimeZone: "Europe/Berlin",
		RRule: "FREQ=DAILY;UNTIL=20200429T000000", ExDates: []string{"2020-04-27T14:00:00"}}
	equalStrings(t, "rie_27", starts(expandAll(t, rie27, berlin)), []string{"2020-04-26T12:00:00Z", "2020-04-28T12:00:00Z"})
	dateUntil := rie27
	dateUntil.RRule, dateUntil.ExDates = "FREQ=DAILY;UNTIL=20200428", nil
	if n := len(expandAll(t, dateUntil, berlin)); n != 3 {
		t.Errorf("date UNTIL on a timed series: %d occurrences, want 3 (the whole last day counts)", n)
	}
	bins := crm.EventFields{Start: "2020-04-02", End: "2020-04-03", AllDay: true,
		RRule: "FREQ=WEEKLY;UNTIL=20200916T230000Z;INTERVAL=2;BYDAY=TH;WKST=MO"}
	got = expandAll(t, bins, london)
	if last := got[len(got)-1].Fields.Start; last != "2020-09-17" || len(got) != 13 {
		t.Errorf("black bin in London: %d occurrences, last %s; want 13, 2020-09-17", len(got), last)
	}
	// Read in UTC, the same UNTIL is before Sep 17's midnight: the
	// location decides, which is why the master's zone is passed.
	got = expandAll(t, bins, time.UTC)
	if last := got[len(got)-1].Fields.Start; last != "2020-09-03" {
		t.Errorf("black bin in UTC: last %s, want 2020-09-03", last)
	}
}

// TestExpandOverrides covers overrides keyed in another value type
// (rie__issue_28), moved into and out of the window, winning over an
// EXDATE (ical4j__blalor) and set in another zone.
func TestExpandOverrides(t *testing.T) {
	london := zone(t, "Europe/London")
	bins := crm.EventFields{Title: "Refuse black bin", Start: "2020-04-02", End: "2020-04-03", AllDay: true,
		RRule: "FREQ=WEEKLY;UNTIL=20200916T230000Z;INTERVAL=2;BYDAY=TH;WKST=MO",
		Overrides: []crm.Occurrence{
			{RecurrenceID: "2020-04-16T00:00:00", Fields: crm.EventFields{Title: "Refuse black bin", Start: "2020-04-17", End: "2020-04-18", AllDay: true}},
			{RecurrenceID: "2020-05-28T00:00:00", Fields: crm.EventFields{Title: "Refuse black bin", Start: "2020-05-29", End: "2020-05-30", AllDay: true}},
			{RecurrenceID: "2020-09-03T00:00:00", Fields: crm.EventFields{Title: "Refuse black bin", Start: "2020-09-04", End: "2020-09-05", AllDay: true}},
		}}
	got := expandAll(t, bins, london)
	equalStrings(t, "bin dates", localStarts(got), []string{"2020-04-02", "2020-04-17", "2020-04-30", "2020-05-14",
		"2020-05-29", "2020-06-11", "2020-06-25", "2020-07-09", "2020-07-23", "2020-08-06", "2020-08-20", "2020-09-04", "2020-09-17"})
	if !got[1].Override || got[1].RecurrenceID != "2020-04-16" || got[0].Override {
		t.Errorf("override flags/keys: %+v / %+v", got[0], got[1])
	}

	berlin := zone(t, "Europe/Berlin")
	daily := crm.EventFields{Title: "Daily", Start: "2017-10-23T17:45:00", End: "2017-10-23T18:00:00", TimeZone: "Europe/Berlin",
		RRule: "FREQ=DAILY", ExDates: []string{"2017-11-06T17:45:00"},
		Overrides: []crm.Occurrence{
			// tine__apple_calendar_10.12: moved from 17:45 to 16:45 after DST.
			{RecurrenceID: "2017-11-04T17:45:00", Fields: crm.EventFields{Title: "Moved", Start: "2017-11-04T16:45:00", End: "2017-11-04T17:00:00", TimeZone: "Europe/Berlin"}},
			// moved far out of the window below
			{RecurrenceID: "2017-11-05T17:45:00", Fields: crm.EventFields{Title: "Out", Start: "2017-12-24T09:00:00", End: "2017-12-24T10:00:00", TimeZone: "Europe/Berlin"}},
			// an EXDATE and an override on the same key: the override wins
			{RecurrenceID: "2017-11-06T17:45:00", Fields: crm.EventFields{Title: "Kept", Start: "2017-11-06T17:45:00", End: "2017-11-06T18:00:00", TimeZone: "Europe/Berlin"}},
			// moved into the window from later, in another zone
			{RecurrenceID: "2018-01-10T17:45:00", Fields: crm.EventFields{Title: "In", Start: "2017-11-07T09:00:00", End: "2017-11-07T10:00:00", TimeZone: "America/New_York"}},
		}}
	got, err := Expand(daily, berlin, utc(t, "2017-11-04T00:00:00Z"), utc(t, "2017-11-08T00:00:00Z"), 0)
	if err != nil {
		t.Fatal(err)
	}
	equalStrings(t, "daily starts", starts(got), []string{"2017-11-04T15:45:00Z", "2017-11-06T16:45:00Z",
		"2017-11-07T14:00:00Z", "2017-11-07T16:45:00Z"})
	titles := []string{}
	for _, in := range got {
		titles = append(titles, in.Fields.Title)
	}
	equalStrings(t, "daily titles", titles, []string{"Moved", "Kept", "In", "Daily"})
	if got[2].RecurrenceID != "2018-01-10T17:45:00" || got[0].RecurrenceID != "2017-11-04T17:45:00" {
		t.Errorf("override keys: %v", ids(got))
	}
}

// TestExpandRDatesAndSets covers RDATE with RRULE minus EXDATE, RDATE-only
// series, a DATE EXDATE on a timed series, and BYDAY with spaces
// (pyical__issue_165).
func TestExpandRDatesAndSets(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	f := crm.EventFields{Start: "2024-01-01T09:00:00", End: "2024-01-01T10:00:00", TimeZone: "Europe/Berlin",
		RRule:   "FREQ=DAILY;COUNT=4",
		RDates:  []string{"2024-01-02T09:00:00", "2024-01-10T15:00:00", "2024-01-20"},
		ExDates: []string{"2024-01-03", "2024-01-04T09:00:00"}}
	equalStrings(t, "set", localStarts(expandAll(t, f, berlin)), []string{"2024-01-01T09:00:00", "2024-01-02T09:00:00",
		"2024-01-10T15:00:00", "2024-01-20T09:00:00"})

	only := crm.EventFields{Start: "2024-01-05T09:00:00", End: "2024-01-05T10:00:00", TimeZone: "Europe/Berlin",
		RDates: []string{"2024-01-03T09:00:00", "2024-01-05T09:00:00"}}
	equalStrings(t, "rdate only", ids(expandAll(t, only, berlin)), []string{"2024-01-03T09:00:00", "2024-01-05T09:00:00"})

	weekdays := crm.EventFields{Start: "2015-07-03T10:00:00", End: "2015-07-03T10:30:00", TimeZone: "Europe/Berlin",
		RRule: "FREQ=DAILY;UNTIL=20150722T080000Z;INTERVAL=1;BYDAY=MO, TU, WE, TH, FR"}
	got := expandAll(t, weekdays, berlin)
	if len(got) != 14 || starts(got)[0] != "2015-07-03T08:00:00Z" || starts(got)[13] != "2015-07-22T08:00:00Z" {
		t.Errorf("issue_165 weekdays: %v", starts(got))
	}
	for _, in := range got {
		if wd := in.Start.In(berlin).Weekday(); wd == time.Saturday || wd == time.Sunday {
			t.Errorf("weekend occurrence %s", in.Fields.Start)
		}
	}
}

// TestExpandUnsynchronisedStart pins the chosen behaviour for a DTSTART
// the rule does not produce (tine__outlook_bysetpos): DTSTART is not an
// occurrence; the first is the rule's own.
func TestExpandUnsynchronisedStart(t *testing.T) {
	f := crm.EventFields{Start: "2013-10-27T03:00:00", End: "2013-10-27T05:00:00",
		RRule: "FREQ=YEARLY;INTERVAL=1;BYMONTH=10;BYSETPOS=1;BYDAY=MO,TU,WE,TH,FR"}
	got, err := Expand(f, time.UTC, utc(t, "2013-01-01T00:00:00Z"), utc(t, "2017-01-01T00:00:00Z"), 0)
	if err != nil {
		t.Fatal(err)
	}
	equalStrings(t, "bysetpos", localStarts(got), []string{"2014-10-01T03:00:00", "2015-10-01T03:00:00", "2016-10-03T03:00:00"})
	if got[0].End.Sub(got[0].Start) != 2*time.Hour {
		t.Errorf("duration %v", got[0].End.Sub(got[0].Start))
	}
	_, end, err := Bounds(f, time.UTC)
	if err != nil || end != nil {
		t.Errorf("endless series bounds: %v, %v", end, err)
	}
}

// TestExpandWindowAndLimit checks the window edges, zero-length events,
// single meetings and the limit.
func TestExpandWindowAndLimit(t *testing.T) {
	f := crm.EventFields{Start: "2024-05-01T10:00:00", End: "2024-05-01T11:00:00", RRule: "FREQ=DAILY"}
	got, err := Expand(f, time.UTC, utc(t, "2024-05-03T10:30:00Z"), utc(t, "2024-05-05T10:00:00Z"), 0)
	if err != nil {
		t.Fatal(err)
	}
	equalStrings(t, "window", ids(got), []string{"2024-05-03T10:00:00", "2024-05-04T10:00:00"})
	got, _ = Expand(f, time.UTC, utc(t, "2024-05-01T00:00:00Z"), utc(t, "2025-05-01T00:00:00Z"), 5)
	if len(got) != 5 || got[4].RecurrenceID != "2024-05-05T10:00:00" {
		t.Errorf("limit: %v", ids(got))
	}
	zero := crm.EventFields{Start: "2024-05-01T10:00:00", End: "2024-05-01T10:00:00"}
	got, _ = Expand(zero, time.UTC, utc(t, "2024-05-01T10:00:00Z"), utc(t, "2024-05-01T10:00:01Z"), 0)
	if len(got) != 1 || got[0].RecurrenceID != "" || got[0].Override {
		t.Errorf("zero-length single: %+v", got)
	}
	got, _ = Expand(zero, time.UTC, utc(t, "2024-05-01T09:00:00Z"), utc(t, "2024-05-01T10:00:00Z"), 0)
	if len(got) != 0 {
		t.Errorf("zero-length at the window end: %+v", got)
	}
}

// TestExpandErrors checks that bad rules and times are reported with codes.
func TestExpandErrors(t *testing.T) {
	from, to := utc(t, "2024-01-01T00:00:00Z"), utc(t, "2025-01-01T00:00:00Z")
	for _, tt := range []struct {
		f    crm.EventFields
		code string
	}{
		{crm.EventFields{Start: "2024-01-01T10:00:00", RRule: "INTERVAL=2"}, CodeRuleInvalid},
		{crm.EventFields{Start: "2024-01-01T10:00:00", RRule: "FREQ=SOMETIMES"}, CodeRuleInvalid},
		{crm.EventFields{Start: "2024-01-01T10:00:00", RRule: "FREQ=DAILY;BYMONTH=13"}, CodeRuleInvalid},
		{crm.EventFields{Start: "2024-01-01T10:00:00", RRule: "FREQ=DAILY;UNTIL=tomorrow"}, CodeRuleInvalid},
		{crm.EventFields{Start: "next tuesday"}, CodeTimeInvalid},
		{crm.EventFields{Start: "2024-01-01T10:00:00", End: "soon"}, CodeTimeInvalid},
	} {
		_, err := Expand(tt.f, time.UTC, from, to, 0)
		if crm.ErrorCode(err) != tt.code {
			t.Errorf("%+v: error %v, want code %s", tt.f, err, tt.code)
		}
		if tt.code == CodeRuleInvalid && crm.ErrorCode(Validate(tt.f.RRule)) != tt.code {
			t.Errorf("Validate(%q) = %v", tt.f.RRule, Validate(tt.f.RRule))
		}
	}
	if err := Validate("rrule:freq=weekly; byday = mo , we ;x-name=1"); err != nil {
		t.Errorf("lenient rule refused: %v", err)
	}
}

// TestSeriesEnd checks the end of finite series, overrides included.
func TestSeriesEnd(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	f := crm.EventFields{Start: "2020-10-19T10:00:00", End: "2020-10-19T11:00:00", TimeZone: "Europe/Berlin",
		RRule: "FREQ=WEEKLY;COUNT=3"}
	end, err := SeriesEnd(f, berlin)
	if err != nil || end == nil || !end.Equal(utc(t, "2020-11-02T10:00:00Z")) {
		t.Errorf("count end: %v %v", end, err)
	}
	f.Overrides = []crm.Occurrence{{RecurrenceID: "2020-10-26T10:00:00",
		Fields: crm.EventFields{Start: "2020-12-01T10:00:00", End: "2020-12-01T12:00:00", TimeZone: "Europe/Berlin"}}}
	end, _ = SeriesEnd(f, berlin)
	if end == nil || !end.Equal(utc(t, "2020-12-01T11:00:00Z")) {
		t.Errorf("end with a later override: %v", end)
	}
	f.RRule = "FREQ=WEEKLY"
	if end, err := SeriesEnd(f, berlin); end != nil || err != nil {
		t.Errorf("endless: %v %v", end, err)
	}
	single := crm.EventFields{Start: "2024-02-29", End: "2024-03-01", AllDay: true}
	end, _ = SeriesEnd(single, berlin)
	if end == nil || !end.Equal(utc(t, "2024-02-29T23:00:00Z")) {
		t.Errorf("single all-day end: %v", end)
	}
	start, end, err := Bounds(crm.EventFields{Start: "2024-01-10T10:00:00", End: "2024-01-10T11:00:00", RRule: "FREQ=DAILY;COUNT=2",
		Overrides: []crm.Occurrence{{RecurrenceID: "2024-01-11T10:00:00", Fields: crm.EventFields{Start: "2024-01-01T08:00:00", End: "2024-01-01T09:00:00"}}}}, time.UTC)
	if err != nil || !start.Equal(utc(t, "2024-01-01T08:00:00Z")) || end == nil || !end.Equal(utc(t, "2024-01-10T11:00:00Z")) {
		t.Errorf("bounds: %v %v %v", start, end, err)
	}
}

// TestKey converts received values into keys in the master's zone and
// value type.
func TestKey(t *testing.T) {
	london, berlin := zone(t, "Europe/London"), zone(t, "Europe/Berlin")
	date := crm.EventFields{Start: "2020-04-02", AllDay: true}
	timed := crm.EventFields{Start: "2020-04-26T14:00:00", TimeZone: "Europe/Berlin"}
	for _, tt := range []struct {
		local      time.Time
		isDate     bool
		loc        *time.Location
		f          crm.EventFields
		masterLoc  *time.Location
		want, note string
	}{
		{time.Date(2020, 4, 16, 0, 0, 0, 0, time.UTC), false, london, date, london, "2020-04-16", "rie_28 RECURRENCE-ID in GMT Standard Time"},
		{time.Date(2020, 4, 27, 12, 0, 0, 0, time.UTC), false, time.UTC, timed, berlin, "2020-04-27T14:00:00", "rie_27 UTC EXDATE"},
		{time.Date(2020, 4, 27, 14, 0, 0, 0, time.UTC), false, nil, timed, berlin, "2020-04-27T14:00:00", "floating value"},
		{time.Date(2020, 4, 27, 0, 0, 0, 0, time.UTC), true, nil, timed, berlin, "2020-04-27", "date on a timed series"},
		{time.Date(2020, 4, 27, 9, 0, 0, 0, time.UTC), false, london, timed, berlin, "2020-04-27T10:00:00", "another zone"},
	} {
		if got := Key(tt.local, tt.isDate, tt.loc, tt.f, tt.masterLoc); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.note, got, tt.want)
		}
	}
}
