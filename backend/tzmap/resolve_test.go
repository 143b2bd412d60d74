package tzmap

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fieldbook/backend/ical"
)

// TestCorpusStartInstants reads the DTSTART of events in the corpus with
// a Resolver over each file's VTIMEZONEs and checks the UTC instant
// NOTES.md derives, how the zone was found and the IANA name reported.
func TestCorpusStartInstants(t *testing.T) {
	for _, tc := range []struct {
		file    string
		event   int    // index among the file's VEVENTs/VTODOs
		want    string // RFC 3339 UTC
		source  string
		iana    string
		warning string // substring of the zone warning, "" for none
	}{
		{"ic4a__outlook1.ics", 0, "2019-10-23T07:00:00Z", SourceWindows, "Europe/Berlin", "read as Europe/Berlin"},
		{"biweekly__outlook-2010.ics", 0, "2013-06-10T16:00:00Z", SourceWindows, "America/New_York", "read as"},
		{"biweekly__issue115-1.ics", 0, "2022-10-29T06:00:00Z", SourceWindows, "Europe/Berlin", "read as"},
		{"biweekly__issue126.ics", 0, "2023-11-22T08:30:00Z", SourceWindows, "Europe/Berlin", "read as"},
		{"biweekly__issue126.ics", 1, "2023-04-22T07:30:00Z", SourceWindows, "Europe/Berlin", "read as"},
		{"ical4j__Standup.ics", 0, "2009-03-09T22:30:00Z", SourceDisplayName, "Australia/Sydney", "read as"},
		{"ical4j__2207678.ics", 0, "2008-10-31T01:30:00Z", SourceDisplayName, "Asia/Singapore", "read as"},
		{"ical4j__tmeher.ics", 0, "2004-10-12T05:30:00Z", SourceDisplayName, "America/Los_Angeles", "read as"},
		{"ical4j__blankTzid.ics", 0, "2015-08-26T09:00:00Z", SourceVTimezone, "", "empty TZID"},
		{"pyvobj__ms_tzid.ics", 0, "2008-05-30T05:00:00Z", SourceDisplayName, "Australia/Sydney", "read as"},
		{"pyical__issue_836_do_not_quote_tzid.ics", 0, "2024-10-28T21:00:00Z", SourceWindows, "America/New_York", "read as"},
		{"pyical__timezone_same_start.ics", 0, "2017-02-24T20:00:00Z", SourceWindows, "America/Los_Angeles", "read as"},
		{"pyical__issue_165_missing_event.ics", 0, "2015-07-03T08:00:00Z", SourceVTimezone, "", ""},
		{"pyical__issue_237_fail_to_parse_timezone_with_non_ascii_tzid.ics", 0, "2017-05-11T16:30:00Z", SourceDisplayName, "America/Sao_Paulo", "read as"},
		{"rie__issue_27_t1.ics", 0, "2020-04-26T12:00:00Z", SourceIANA, "Europe/Berlin", ""},
		{"tine__exchange_external_reoccuring_onlyone.ics", 0, "2018-09-06T09:00:00Z", SourceWindows, "Europe/Berlin", "read as"},
		{"tine__outlook_external_invitation.ics", 0, "2012-03-16T17:00:00Z", SourceDisplayName, "Europe/Warsaw", "read as"},
		{"tine__outlook_invitation.ics", 0, "2017-08-14T09:00:00Z", SourceWindows, "Europe/Berlin", "read as"},
		{"tine__exchange2007_mail_anhang.ics", 0, "2015-03-04T12:00:00Z", SourceWindows, "Europe/Berlin", "read as"},
		{"khal__tz_windows_format.ics", 0, "2019-11-20T12:00:00Z", SourceVTimezone, "", "disagrees with Pacific/Auckland"},
		{"icaljs__utc_negative_zero.ics", 0, "2012-08-21T21:00:00Z", SourceIANA, "Etc/GMT", ""},
		{"ical4j__apple-iphone-os-26-structured-location.ics", 0, "2026-05-22T08:30:00Z", SourceIANA, "Europe/Vienna", ""},
		{"tine__lightning_TehranTZ.ics", 0, "2011-10-04T06:30:00Z", SourceIANA, "Asia/Tehran", ""},
		{"ic4a__dst-only-vtimezone.ics", 0, "2018-04-03T07:00:00Z", SourceIANA, "Europe/Berlin", ""},
		{"rie__issue_48_dst.ics", 0, "2020-11-16T14:15:00Z", SourceIANA, "America/Chicago", ""},
		{"tine__apple_calendar_10.12_TEST-THISANDFUTURE-OVER-DST.ics", 0, "2017-10-23T15:45:00Z", SourceIANA, "Europe/Berlin", ""},
		{"tine__lightning_repeating_weekly_exception.ics", 0, "2013-04-16T13:30:00Z", SourceIANA, "Europe/Berlin", ""},
		{"tine__lightning.ics", 0, "2013-07-14T10:00:00Z", SourceIANA, "Europe/Berlin", ""},
		{"icaljs__recur_instances.ics", 0, "2012-10-02T17:00:00Z", SourceIANA, "America/Los_Angeles", ""},
	} {
		name := tc.file
		cal := readCorpusCal(t, tc.file)
		var items []*ical.Component
		for _, c := range cal.Components {
			if c.Name == "VEVENT" || c.Name == "VTODO" {
				items = append(items, c)
			}
		}
		if tc.event >= len(items) {
			t.Errorf("%s: no item %d", name, tc.event)
			continue
		}
		p := items[tc.event].Prop("DTSTART")
		r := NewResolver(cal.Timezones())
		dt, err := ical.ParseDateTime(p, r)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got := dt.Instant.UTC().Format(time.RFC3339); got != tc.want || dt.Floating || dt.Date {
			t.Errorf("%s #%d: DTSTART %s (floating %v), want %s", name, tc.event, got, dt.Floating, tc.want)
		}
		wall, _ := time.Parse(ical.LocalDateTimeLayout, dt.Local)
		z, err := r.Zone(dt.TZID, wall)
		if err != nil || z.Source != tc.source || z.IANA != tc.iana {
			t.Errorf("%s: zone %+v, %v; want source %q, IANA %q", name, z, err, tc.source, tc.iana)
		}
		if tc.warning == "" && z.Warning != "" || !strings.Contains(z.Warning, tc.warning) {
			t.Errorf("%s: warning %q, want %q", name, z.Warning, tc.warning)
		}
	}
}

func TestCorpusFloatingAndUTC(t *testing.T) {
	for _, tc := range []struct {
		file     string
		floating bool
		want     string
	}{
		{"khal__event_dt_local_missing_tz.ics", true, "2014-04-09T09:30:00"},
		{"tine__floating_time.ics", true, "2017-10-06T15:00:01"},
		{"tine__outlook_bysetpos.ics", true, "2013-10-27T03:00:00"},
		{"rie__x_wr_timezone_simple_events_issue_59.ics", false, "2021-12-22T17:00:00"},
		{"ical4j__Session6.ics", false, "2007-03-14T17:00:00"},
	} {
		cal := readCorpusCal(t, tc.file)
		ev := cal.Component("VEVENT")
		r := NewResolver(cal.Timezones())
		dt, err := ical.ParseDateTime(ev.Prop("DTSTART"), r)
		if err != nil || dt.Floating != tc.floating || dt.Local != tc.want || !tc.floating && !dt.UTC {
			t.Errorf("%s: %+v %v", tc.file, dt, err)
		}
		if tc.file == "khal__event_dt_local_missing_tz.ics" {
			if !strings.Contains(dt.Warning, "FOO") || len(r.Warnings()) != 1 {
				t.Errorf("unknown FOO not flagged: %q %v", dt.Warning, r.Warnings())
			}
		}
	}
}

func TestResolvePolicy(t *testing.T) {
	khal := readCorpusCal(t, "khal__tz_windows_format.ics")
	// Without the VTIMEZONE the Windows ID maps to Pacific/Auckland.
	z, err := Resolve("New Zealand Standard Time", nil)
	if err != nil || z.IANA != "Pacific/Auckland" || z.Source != SourceWindows {
		t.Fatalf("no VTIMEZONE: %+v %v", z, err)
	}
	// With it, on the event's date, the embedded VTIMEZONE governs.
	z, err = ResolveAt("New Zealand Standard Time", khal.Timezones(), time.Date(2019, 11, 20, 13, 0, 0, 0, time.UTC))
	if err != nil || z.IANA != "" || z.Source != SourceVTimezone || z.Loc == nil || !strings.Contains(z.Warning, "governs") {
		t.Fatalf("conflict: %+v %v", z, err)
	}
	// A VTIMEZONE that agrees on the date is not a conflict.
	outlook := readCorpusCal(t, "ic4a__outlook1.ics")
	z, err = Resolve("W. Europe Standard Time", outlook.Timezones())
	if err != nil || z.IANA != "Europe/Berlin" || strings.Contains(z.Warning, "governs") {
		t.Fatalf("agreeing VTIMEZONE (no date): %+v %v", z, err)
	}
	// Unknown without VTIMEZONE: floating and an error.
	z, err = Resolve("FOO", nil)
	if !errors.Is(err, ErrUnknownZone) || z.Loc != nil || z.Source != SourceFloating || z.Warning == "" {
		t.Fatalf("FOO: %+v %v", z, err)
	}
	// An unusable VTIMEZONE is ignored with a warning.
	empty := parseVTimezone(t, "TZID:Eastern Standard Time", "X-INVALID-TIMEZONE:TRUE")
	z, err = Resolve("Eastern Standard Time", []*ical.Component{empty})
	if err != nil || z.IANA != "America/New_York" || !strings.Contains(z.Warning, "unusable") {
		t.Fatalf("unusable VTIMEZONE with a mapping: %+v %v", z, err)
	}
	z, err = Resolve("Custom", []*ical.Component{parseVTimezone(t, "TZID:Custom")})
	if !errors.Is(err, ErrUnknownZone) || !strings.Contains(z.Warning, "unusable") {
		t.Fatalf("unusable VTIMEZONE without a mapping: %+v %v", z, err)
	}
	// The resolver caches compiled VTIMEZONEs and keeps distinct warnings.
	r := NewResolver(khal.Timezones())
	for range 3 {
		if _, _, err := r.Location("New Zealand Standard Time"); err != nil {
			t.Fatal(err)
		}
	}
	if len(r.compiled) != 1 || len(r.Warnings()) != 1 {
		t.Fatalf("%d compiled, warnings %v", len(r.compiled), r.Warnings())
	}
}

func TestCacheSharesCompiledZones(t *testing.T) {
	cache := NewCache(2)
	var first *time.Location
	for range 3 {
		// A fresh read each time: distinct components, the same text.
		cal := readCorpusCal(t, "ic4a__outlook1.ics")
		r := NewCachedResolver(cal.Timezones(), cache)
		dt, err := ical.ParseDateTime(cal.Component("VEVENT").Prop("DTSTART"), r)
		if err != nil || dt.Instant.UTC().Format(time.RFC3339) != "2019-10-23T07:00:00Z" {
			t.Fatalf("%+v %v", dt, err)
		}
		loc, _, err := cache.Compile(cal.Timezone("W. Europe Standard Time"))
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = loc
		} else if loc != first {
			t.Fatal("the same VTIMEZONE text was compiled again")
		}
	}
	if cache.Len() != 1 {
		t.Fatalf("cache holds %d", cache.Len())
	}
	// Bounded: a third distinct zone starts over.
	for _, f := range []string{"ical4j__Standup.ics", "ical4j__tmeher.ics"} {
		cal := readCorpusCal(t, f)
		if _, _, err := cache.Compile(cal.Timezones()[0]); err != nil {
			t.Fatal(err)
		}
	}
	if cache.Len() != 1 {
		t.Fatalf("cache holds %d, want a fresh start at size 2", cache.Len())
	}
}
