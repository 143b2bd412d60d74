package eventcard

import (
	"testing"
	"time"

	"fieldbook/backend/recurrence"
)

// expandObject expands an object's meeting in its own zone (user for
// floating and all-day values) over [from, to).
func expandObject(t *testing.T, o Object, user *time.Location, from, to string) []recurrence.Instance {
	t.Helper()
	loc := o.Location
	if loc == nil {
		loc = user
	}
	f, _ := time.Parse(time.RFC3339, from)
	u, _ := time.Parse(time.RFC3339, to)
	got, err := recurrence.Expand(o.Event, loc, f, u, 0)
	if err != nil {
		t.Fatalf("%s: %v", o.UID, err)
	}
	return got
}

// utcStarts lists the UTC starts of instances.
func utcStarts(ins []recurrence.Instance) []string {
	out := make([]string, len(ins))
	for i, in := range ins {
		out[i] = in.Start.UTC().Format(time.RFC3339)
	}
	return out
}

// TestCorpusInstants checks the first instant of every corpus meeting
// whose instant NOTES.md gives (Windows and legacy Outlook zone names,
// custom VTIMEZONEs, UTC, DST edges).
func TestCorpusInstants(t *testing.T) {
	tests := []struct {
		file  string
		index int
		want  string
	}{
		{"ic4a__outlook1.ics", 0, "2019-10-23T07:00:00Z"},
		{"biweekly__outlook-2010.ics", 0, "2013-06-10T16:00:00Z"},
		{"biweekly__issue115-1.ics", 0, "2022-10-29T06:00:00Z"},
		{"biweekly__issue126.ics", 0, "2023-11-22T08:30:00Z"},
		{"biweekly__issue126.ics", 1, "2023-04-22T07:30:00Z"},
		{"ical4j__Standup.ics", 0, "2009-03-09T22:30:00Z"},
		{"ical4j__2207678.ics", 0, "2008-10-31T01:30:00Z"},
		{"ical4j__tmeher.ics", 0, "2004-10-12T05:30:00Z"},
		{"ical4j__blankTzid.ics", 0, "2015-08-26T09:00:00Z"},
		{"pyvobj__ms_tzid.ics", 0, "2008-05-30T05:00:00Z"},
		{"pyical__issue_836_do_not_quote_tzid.ics", 0, "2024-10-28T21:00:00Z"},
		{"pyical__timezone_same_start.ics", 0, "2017-02-24T20:00:00Z"},
		{"pyical__issue_165_missing_event.ics", 0, "2015-07-03T08:00:00Z"},
		{"pyical__issue_237_fail_to_parse_timezone_with_non_ascii_tzid.ics", 0, "2017-05-11T16:30:00Z"},
		{"rie__issue_27_t1.ics", 0, "2020-04-26T12:00:00Z"},
		{"tine__exchange_external_reoccuring_onlyone.ics", 0, "2018-09-06T09:00:00Z"},
		{"tine__outlook_external_invitation.ics", 0, "2012-03-16T17:00:00Z"},
		{"tine__outlook_invitation.ics", 0, "2017-08-14T09:00:00Z"},
		{"tine__exchange2007_mail_anhang.ics", 0, "2015-03-04T12:00:00Z"},
		{"icaljs__utc_negative_zero.ics", 0, "2012-08-21T21:00:00Z"},
		{"ic4a__dst-only-vtimezone.ics", 0, "2018-04-03T07:00:00Z"},
		{"tine__lightning_TehranTZ.ics", 0, "2011-10-04T06:30:00Z"},
		{"ical4j__apple-iphone-os-26-structured-location.ics", 0, "2026-05-22T08:30:00Z"},
		{"rie__x_wr_timezone_simple_events_issue_59.ics", 0, "2021-12-22T17:00:00Z"},
		// The embedded VTIMEZONE governs over the Windows name (contract).
		{"khal__tz_windows_format.ics", 0, "2019-11-20T12:00:00Z"},
	}
	// A user zone far from every file's, so a value wrongly read as
	// floating shows.
	user := time.FixedZone("user", -10*3600)
	for _, tt := range tests {
		objs, _ := readObjects(t, tt.file)
		if len(objs) <= tt.index {
			t.Errorf("%s: %d objects", tt.file, len(objs))
			continue
		}
		got := expandObject(t, objs[tt.index], user, "1990-01-01T00:00:00Z", "2040-01-01T00:00:00Z")
		if len(got) == 0 || got[0].Start.UTC().Format(time.RFC3339) != tt.want {
			t.Errorf("%s #%d: first start %v, want %s", tt.file, tt.index, utcStarts(got[:min(1, len(got))]), tt.want)
		}
	}
}

// TestCorpusSeries expands corpus series and checks NOTES.md's instants.
func TestCorpusSeries(t *testing.T) {
	user := time.FixedZone("user", -10*3600)
	one := func(name string, i int) Object {
		objs, _ := readObjects(t, name)
		if len(objs) <= i {
			t.Fatalf("%s: %d objects", name, len(objs))
		}
		return objs[i]
	}
	t.Run("outlook1 last instance is UNTIL", func(t *testing.T) {
		got := expandObject(t, one("ic4a__outlook1.ics", 0), user, "2019-01-01T00:00:00Z", "2021-01-01T00:00:00Z")
		if len(got) != 9 || utcStarts(got)[8] != "2019-12-18T08:00:00Z" {
			t.Errorf("%v", utcStarts(got))
		}
	})
	t.Run("rie_27", func(t *testing.T) {
		got := expandObject(t, one("rie__issue_27_t1.ics", 0), user, "2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z")
		equal(t, utcStarts(got), []string{"2020-04-26T12:00:00Z", "2020-04-28T12:00:00Z"})
	})
	t.Run("rie_28 bins in any user zone", func(t *testing.T) {
		for _, zone := range []string{"Europe/London", "America/New_York", "Pacific/Auckland"} {
			loc, _ := time.LoadLocation(zone)
			black := expandObject(t, one("rie__issue_28_rrule_with_UTC_endinginZ.ics", 0), loc, "2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z")
			dates := []string{}
			for _, in := range black {
				dates = append(dates, in.Fields.Start)
			}
			equal(t, dates, []string{"2020-04-02", "2020-04-17", "2020-04-30", "2020-05-14", "2020-05-29", "2020-06-11",
				"2020-06-25", "2020-07-09", "2020-07-23", "2020-08-06", "2020-08-20", "2020-09-04", "2020-09-17"})
			blue := expandObject(t, one("rie__issue_28_rrule_with_UTC_endinginZ.ics", 1), loc, "2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z")
			if last := blue[len(blue)-1].Fields.Start; last != "2020-09-24" {
				t.Errorf("%s: blue bin ends %s", zone, last)
			}
		}
	})
	t.Run("rie_48 DST", func(t *testing.T) {
		objs, _ := readObjects(t, "rie__issue_48_dst.ics")
		for _, o := range objs {
			if o.UID != "m4dpn70@google.com" {
				continue
			}
			got := expandObject(t, o, user, "2020-10-16T00:00:00Z", "2020-11-21T00:00:00Z")
			equal(t, utcStarts(got), []string{"2020-10-16T19:15:00Z", "2020-10-30T19:15:00Z", "2020-11-13T20:15:00Z", "2020-11-20T20:15:00Z"})
			return
		}
		t.Error("series m4dpn70 not found")
	})
	t.Run("recur_instances RDATE+RRULE-EXDATE", func(t *testing.T) {
		got := expandObject(t, one("icaljs__recur_instances.ics", 0), user, "2012-10-01T00:00:00Z", "2013-04-30T00:00:00Z")
		equal(t, utcStarts(got), []string{"2012-10-02T22:00:00Z", "2012-11-06T18:00:00Z", "2012-11-07T04:00:00Z",
			"2012-11-10T18:00:00Z", "2012-11-30T18:00:00Z", "2013-01-01T18:00:00Z", "2013-03-05T18:00:00Z"})
	})
	t.Run("apple override after DST", func(t *testing.T) {
		o := one("tine__apple_calendar_10.12_TEST-THISANDFUTURE-OVER-DST.ics", 0)
		got := expandObject(t, o, user, "2017-11-04T00:00:00Z", "2017-11-05T00:00:00Z")
		if len(got) != 1 || !got[0].Override || utcStarts(got)[0] != "2017-11-04T15:45:00Z" || got[0].RecurrenceID != "2017-11-04T17:45:00" {
			t.Fatalf("%+v", got)
		}
		rid, _ := time.ParseInLocation("2006-01-02T15:04:05", got[0].RecurrenceID, o.Location)
		if rid.UTC().Format(time.RFC3339) != "2017-11-04T16:45:00Z" {
			t.Errorf("RECURRENCE-ID instant %v", rid.UTC())
		}
	})
	t.Run("issue_165 weekdays", func(t *testing.T) {
		got := expandObject(t, one("pyical__issue_165_missing_event.ics", 0), user, "2015-01-01T00:00:00Z", "2016-01-01T00:00:00Z")
		if len(got) != 14 || utcStarts(got)[13] != "2015-07-22T08:00:00Z" {
			t.Errorf("%v", utcStarts(got))
		}
	})
	t.Run("bysetpos floating", func(t *testing.T) {
		got := expandObject(t, one("tine__outlook_bysetpos.ics", 0), time.UTC, "2013-01-01T00:00:00Z", "2016-01-01T00:00:00Z")
		equal(t, utcStarts(got), []string{"2014-10-01T03:00:00Z", "2015-10-01T03:00:00Z"})
	})
}

// equal fails when two lists differ.
func equal(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %q, want %q", got, want)
		return
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("got %q, want %q", got, want)
			return
		}
	}
}
