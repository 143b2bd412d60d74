package tzmap

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fieldbook/backend/ical"
)

// parseVTimezone reads a VTIMEZONE written as lines.
func parseVTimezone(t *testing.T, lines ...string) *ical.Component {
	t.Helper()
	text := "BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\n" + strings.Join(lines, "\r\n") + "\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n"
	cal, _, err := ical.Read([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return cal.Timezones()[0]
}

// TestNewVTimezoneRoundTrip writes a VTIMEZONE for IANA zones, reads it
// back through the codec and FromVTimezone, and compares the offsets with
// the IANA zone at every instant of the span (and checks SameOffsets
// against an hourly scan).
func TestNewVTimezoneRoundTrip(t *testing.T) {
	spans := []struct{ from, to time.Time }{
		{date(1970, 1, 1), date(2038, 1, 1)},
		{date(2019, 3, 1), date(2026, 1, 1)},
	}
	for _, name := range []string{
		"Europe/Berlin", "America/New_York", "Australia/Sydney", "Pacific/Auckland", "America/Sao_Paulo",
		"Europe/Moscow", "Asia/Tehran", "Asia/Kolkata", "Asia/Tokyo", "UTC", "Australia/Lord_Howe",
		"Africa/Casablanca", "America/Santiago", "Europe/London", "America/St_Johns", "Pacific/Chatham",
		"Europe/Dublin", "Asia/Kathmandu", "America/Havana",
	} {
		loc := mustLoad(t, name)
		for _, sp := range spans {
			vtz := NewVTimezone(name, loc, sp.from, sp.to)
			text := ical.Write(&ical.Calendar{Components: []*ical.Component{vtz}})
			cal, probs, err := ical.Read(text)
			if err != nil || len(probs) > 0 {
				t.Fatalf("%s: re-read: %v %v", name, err, probs)
			}
			back, warns, err := FromVTimezone(cal.Timezones()[0])
			if err != nil || len(warns) > 0 {
				t.Fatalf("%s: FromVTimezone: %v %v", name, err, warns)
			}
			same := SameOffsets(loc, back, sp.from, sp.to)
			diff := firstDifference(loc, back, sp.from, sp.to)
			if !same || !diff.IsZero() {
				t.Errorf("%s %s–%s: offsets differ (SameOffsets %v, hourly scan at %v)\n%s", name,
					sp.from.Format("2006"), sp.to.Format("2006"), same, diff, text)
			}
		}
	}
}

func TestNewVTimezoneUsesOpenYearlyRules(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	vtz := NewVTimezone("Europe/Berlin", berlin, date(1990, 1, 1), date(2030, 1, 1))
	text := string(ical.WriteComponent(vtz))
	for _, want := range []string{
		"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n",
		"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n",
		"RRULE:FREQ=YEARLY;BYMONTH=9;BYDAY=-1SU;UNTIL=19950924T010000Z\r\n", // September until 1995
		"TZNAME:CEST\r\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not in\n%s", want, text)
		}
	}
	if n := strings.Count(text, "BEGIN:STANDARD") + strings.Count(text, "BEGIN:DAYLIGHT"); n > 5 {
		t.Errorf("%d observances for Berlin 1990–2030; the yearly rules were not grouped\n%s", n, text)
	}
	// The open-ended rules carry the zone beyond the span (POSIX footer).
	back, _, err := FromVTimezone(vtz)
	if err != nil {
		t.Fatal(err)
	}
	if d := firstDifference(berlin, back, date(2030, 1, 1), date(2031, 1, 1)); !d.IsZero() {
		t.Errorf("after the span: differs at %v", d)
	}
	if !SameOffsets(berlin, back, date(2099, 1, 1), date(2160, 1, 1)) {
		t.Error("after 2100 the POSIX rule does not continue the zone")
	}
}

func TestFromVTimezoneCorpus(t *testing.T) {
	for _, tc := range []struct {
		file, tzid, iana string
		from, to         time.Time
	}{
		{"ic4a__outlook1.ics", "W. Europe Standard Time", "Europe/Berlin", date(1996, 1, 1), date(2040, 1, 1)},
		{"ical4j__Standup.ics", "Canberra, Melbourne, Sydney", "Australia/Sydney", date(2008, 5, 1), date(2040, 1, 1)},
		{"ical4j__tmeher.ics", "Pacific Time (US & Canada), Tijuana", "America/Los_Angeles", date(1987, 1, 1), date(2007, 1, 1)},
		{"pyical__timezone_same_start.ics", "Pacific Standard Time", "America/Los_Angeles", date(2007, 1, 1), date(2040, 1, 1)},
		{"pyical__issue_165_missing_event.ics", "GMT +0100 (Standard) / GMT +0200 (Daylight)", "Europe/Berlin", date(1996, 1, 1), date(2040, 1, 1)},
		{"icaljs__utc_negative_zero.ics", "Etc/GMT", "UTC", date(1971, 1, 1), date(2040, 1, 1)},
		{"ical4j__blankTzid.ics", "", "UTC", date(1901, 1, 1), date(2040, 1, 1)},
		{"ic4a__dst-only-vtimezone.ics", "Europe/Berlin", "Europe/Berlin", date(2018, 3, 26), date(2018, 10, 28)},
		{"tine__lightning_TehranTZ.ics", "Asia/Tehran", "Asia/Tehran", date(2023, 1, 1), date(2040, 1, 1)},
		{"biweekly__outlook-2010.ics", "Eastern Standard Time", "America/New_York", date(2007, 1, 1), date(2040, 1, 1)},
		{"ical4j__2207678.ics", "Kuala Lumpur, Singapore", "Asia/Singapore", date(1983, 1, 1), date(2040, 1, 1)},
		{"tine__outlook_external_invitation.ics", "(GMT+01.00) Sarajevo/Warsaw/Zagreb", "Europe/Warsaw", date(1996, 1, 1), date(2040, 1, 1)},
		{"rie__issue_48_dst.ics", "America/Chicago", "America/Chicago", date(2007, 1, 1), date(2040, 1, 1)},
		// Apple writes only the observances still in use: before the
		// STANDARD onset of 1996 the VTIMEZONE says CEST.
		{"ical4j__apple-iphone-os-26-structured-location.ics", "Europe/Vienna", "Europe/Vienna", date(1996, 10, 28), date(2040, 1, 1)},
	} {
		cal := readCorpusCal(t, tc.file)
		vtz := cal.Timezone(tc.tzid)
		if vtz == nil {
			t.Errorf("%s: no VTIMEZONE %q", tc.file, tc.tzid)
			continue
		}
		loc, warns, err := FromVTimezone(vtz)
		if err != nil {
			t.Errorf("%s: %v %v", tc.file, err, warns)
			continue
		}
		if d := firstDifference(mustLoad(t, tc.iana), loc, tc.from, tc.to); !d.IsZero() || !SameOffsets(mustLoad(t, tc.iana), loc, tc.from, tc.to) {
			t.Errorf("%s: differs from %s at %v", tc.file, tc.iana, d)
		}
	}
	// Outlook 12's three STANDARD rules limited by UNTIL (2001–2005 last
	// Sunday of March, 2006 first Sunday of April, from 2007 last Sunday of
	// March again), all at 02:00 local (+11).
	cal := readCorpusCal(t, "pyvobj__ms_tzid.ics")
	loc, _, err := FromVTimezone(cal.Timezone("Canberra, Melbourne, Sydney"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		at  string
		off int
	}{
		{"2005-03-26T14:59:59Z", 11}, {"2005-03-26T15:00:00Z", 10},
		{"2006-03-25T16:00:00Z", 11}, // last Sunday of March 2006 is not a transition
		{"2006-04-01T14:59:59Z", 11}, {"2006-04-01T15:00:00Z", 10},
		{"2006-10-28T15:59:59Z", 10}, {"2006-10-28T16:00:00Z", 11},
		{"2007-03-24T14:59:59Z", 11}, {"2007-03-24T15:00:00Z", 10},
		{"2008-03-29T15:00:00Z", 10}, {"2008-05-30T05:00:00Z", 10},
	} {
		at, _ := time.Parse(time.RFC3339, c.at)
		if _, off := at.In(loc).Zone(); off != c.off*3600 {
			t.Errorf("ms_tzid at %s: offset %+d h, want %+d", c.at, off/3600, c.off)
		}
	}
	// The khal VTIMEZONE named New Zealand carries CET/CEST offsets.
	cal = readCorpusCal(t, "khal__tz_windows_format.ics")
	loc, _, err = FromVTimezone(cal.Timezone("New Zealand Standard Time"))
	if err != nil {
		t.Fatal(err)
	}
	if _, off := time.Date(2019, 11, 20, 12, 0, 0, 0, time.UTC).In(loc).Zone(); off != 3600 {
		t.Fatalf("khal VTIMEZONE offset %d in November 2019, want +3600", off)
	}
	// Zimbra's empty VTIMEZONE is unusable.
	cal = readCorpusCal(t, "icaljs__recur_instances.ics")
	bad := 0
	for _, z := range cal.Timezones() {
		if _, _, err := FromVTimezone(z); errors.Is(err, ErrNoObservances) {
			bad++
		}
	}
	if bad != 1 {
		t.Fatalf("%d unusable VTIMEZONEs, want 1", bad)
	}
}

func TestFromVTimezoneRules(t *testing.T) {
	la := mustLoad(t, "America/Los_Angeles")
	// The pre-2007 US rule written with BYMONTHDAY ("Sunday on or after
	// April 1") and COUNT/UNTIL limits, then the current rule.
	loc, warns, err := FromVTimezone(parseVTimezone(t,
		"TZID:US-Pacific",
		"BEGIN:DAYLIGHT", "DTSTART:19870405T020000", "TZOFFSETFROM:-0800", "TZOFFSETTO:-0700", "TZNAME:PDT",
		"RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=SU;BYMONTHDAY=1,2,3,4,5,6,7;COUNT=20", "END:DAYLIGHT",
		"BEGIN:STANDARD", "DTSTART:19871025T020000", "TZOFFSETFROM:-0700", "TZOFFSETTO:-0800", "TZNAME:PST",
		"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T090000Z", "END:STANDARD",
		"BEGIN:DAYLIGHT", "DTSTART:20070311T020000", "TZOFFSETFROM:-0800", "TZOFFSETTO:-0700", "TZNAME:PDT",
		"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "END:DAYLIGHT",
		"BEGIN:STANDARD", "DTSTART:20071104T020000", "TZOFFSETFROM:-0700", "TZOFFSETTO:-0800", "TZNAME:PST",
		"RRULE:FREQ=YEARLY;BYMONTH=11;BYSETPOS=1;BYDAY=SU,SA", "END:STANDARD",
	))
	if err != nil || len(warns) > 0 {
		t.Fatal(err, warns)
	}
	// BYSETPOS=1 over Sundays and Saturdays of November is the first
	// weekend day: it equals the first Sunday only when that comes first.
	if d := firstDifference(la, loc, date(1987, 1, 1), date(2007, 11, 1)); !d.IsZero() {
		t.Errorf("differs at %v", d)
	}
	// RDATE lists (local and UTC) instead of rules.
	loc, _, err = FromVTimezone(parseVTimezone(t,
		"TZID:rdates",
		"BEGIN:STANDARD", "DTSTART:20201025T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
		"RDATE:20211031T030000,20221030T030000", "RDATE:20231029T010000Z", "END:STANDARD",
		"BEGIN:DAYLIGHT", "DTSTART:20210328T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
		"RDATE;VALUE=DATE-TIME:20220327T020000,20230326T020000", "END:DAYLIGHT",
	))
	if err != nil {
		t.Fatal(err)
	}
	if d := firstDifference(mustLoad(t, "Europe/Berlin"), loc, date(2020, 11, 1), date(2024, 3, 1)); !d.IsZero() {
		t.Errorf("RDATE zone differs at %v", d)
	}
	// Broken observances are skipped with a warning; none left is an error.
	_, warns, err = FromVTimezone(parseVTimezone(t, "TZID:x",
		"BEGIN:STANDARD", "DTSTART:20201025T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:bad", "END:STANDARD",
		"BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT",
	))
	if !errors.Is(err, ErrNoObservances) || len(warns) != 2 {
		t.Fatalf("err %v, warnings %v", err, warns)
	}
	// An unsupported RRULE falls back to DTSTART with a warning.
	loc, warns, err = FromVTimezone(parseVTimezone(t, "TZID:x",
		"BEGIN:STANDARD", "DTSTART:20200101T000000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0300",
		"RRULE:FREQ=MONTHLY;BYDAY=1SU", "END:STANDARD",
	))
	if err != nil || len(warns) != 1 {
		t.Fatalf("err %v, warnings %v", err, warns)
	}
	if _, off := date(2019, 6, 1).In(loc).Zone(); off != 7200 {
		t.Errorf("before the only onset: offset %d, want TZOFFSETFROM", off)
	}
	if _, off := date(2021, 6, 1).In(loc).Zone(); off != 10800 {
		t.Errorf("after the only onset: offset %d", off)
	}
}

func TestParseUTCOffset(t *testing.T) {
	for in, want := range map[string]int{"+0100": 3600, "-0000": 0, "-0530": -19800, "+013045": 5445, " +01:00 ": 3600, "0200": 7200} {
		if got, err := parseUTCOffset(in); err != nil || got != want {
			t.Errorf("%q = %d, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "+1", "+2400", "+0160", "abc", "+01000"} {
		if _, err := parseUTCOffset(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
