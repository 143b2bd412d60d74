package ical

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// mapZones is a resolver over a fixed table, for tests.
type mapZones map[string]*time.Location

func (m mapZones) Location(tzid string) (*time.Location, string, error) {
	if loc, ok := m[tzid]; ok {
		return loc, "", nil
	}
	return nil, "", errors.New("unknown")
}

func TestParseDateTimeForms(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	zones := mapZones{"Eastern Standard Time": time.FixedZone("EST", -5*3600), "Kuala Lumpur, Singapore": time.FixedZone("+08", 8*3600)}
	for _, tc := range []struct {
		line    string
		zones   ZoneResolver
		local   string
		date    bool
		utc     bool
		float   bool
		tzid    string
		quoted  bool
		instant string // RFC 3339
		warn    bool
	}{
		{"DTSTART;VALUE=DATE:20200402", nil, "2020-04-02", true, false, false, "", false, "2020-04-02T00:00:00Z", false},
		{"DTSTART:20200402T133000Z", nil, "2020-04-02T13:30:00", false, true, false, "", false, "2020-04-02T13:30:00Z", false},
		{"DTSTART:20200402T133000", nil, "2020-04-02T13:30:00", false, false, true, "", false, "2020-04-02T13:30:00Z", false},
		{"DTSTART;TZID=Europe/Berlin:20200426T140000", nil, "2020-04-26T14:00:00", false, false, false, "Europe/Berlin", false, "2020-04-26T12:00:00Z", false},
		{`DTSTART;TZID="Eastern Standard Time":20130610T120000`, zones, "2013-06-10T12:00:00", false, false, false, "Eastern Standard Time", true, "2013-06-10T17:00:00Z", false},
		{"DTSTART;TZID=Kuala Lumpur, Singapore:20081031T093000", zones, "2008-10-31T09:30:00", false, false, false, "Kuala Lumpur, Singapore", false, "2008-10-31T01:30:00Z", false},
		{"DTSTART;TZID=FOO:20200402T133000", nil, "2020-04-02T13:30:00", false, false, true, "FOO", false, "2020-04-02T13:30:00Z", true},
		{"DTSTART;TZID=:20200402T133000", nil, "2020-04-02T13:30:00", false, false, true, "", false, "2020-04-02T13:30:00Z", true},
		{"DTSTART;TZID=Europe/Berlin:20200402T133000Z", nil, "2020-04-02T13:30:00", false, true, false, "Europe/Berlin", false, "2020-04-02T13:30:00Z", true},
		{"RDATE:20131210Z", nil, "2013-12-10", true, false, false, "", false, "2013-12-10T00:00:00Z", true},
		{"DTSTART: 2020-04-02T13:30:00Z ", nil, "2020-04-02T13:30:00", false, true, false, "", false, "2020-04-02T13:30:00Z", false},
		{"DTSTART:20200402T1330", nil, "2020-04-02T13:30:00", false, false, true, "", false, "2020-04-02T13:30:00Z", false},
	} {
		p, _, err := parseLine(tc.line)
		if err != nil {
			t.Fatal(err)
		}
		dt, err := ParseDateTime(p, tc.zones)
		if err != nil {
			t.Errorf("%s: %v", tc.line, err)
			continue
		}
		if dt.Local != tc.local || dt.Date != tc.date || dt.UTC != tc.utc || dt.Floating != tc.float ||
			dt.TZID != tc.tzid || dt.TZIDQuoted != tc.quoted || dt.Instant.UTC().Format(time.RFC3339) != tc.instant || (dt.Warning != "") != tc.warn {
			t.Errorf("%s: got %+v", tc.line, dt)
		}
	}
	// The wall clock of a floating value placed in a zone.
	p, _, _ := parseLine("DTSTART:20200426T140000")
	dt, _ := ParseDateTime(p, nil)
	if got := dt.In(berlin).UTC().Format(time.RFC3339); got != "2020-04-26T12:00:00Z" {
		t.Fatalf("In(Berlin) = %s", got)
	}
}

func TestParseDateTimeRejectsInvalid(t *testing.T) {
	for _, v := range []string{"20131009T170000T", "", "2013100", "20131301", "20130230", "00000101", "20131009T250000", "20131009T126000", "20131009T1200", "2013-10-09T12", "2013x009", "20131009T12000a", "20131009,20131010"} {
		if v == "20131009T1200" {
			continue // the short form is accepted leniently
		}
		_, err := ParseDateTimeValue(v, "", nil)
		if !errors.Is(err, ErrInvalidDateTime) {
			t.Errorf("%q: err = %v", v, err)
		}
	}
	if _, err := ParseDateTime(nil, nil); err == nil {
		t.Error("nil property accepted")
	}
}

func TestParseDateTimes(t *testing.T) {
	p, _, _ := parseLine("EXDATE;TZID=Europe/Berlin:20200427T140000,bad,20200429T140000")
	got, err := ParseDateTimes(p, nil)
	if err == nil || !strings.Contains(err.Error(), "bad") || len(got) != 2 {
		t.Fatalf("got %d values, err %v", len(got), err)
	}
	if got[0].Instant.UTC().Format(time.RFC3339) != "2020-04-27T12:00:00Z" || got[1].Local != "2020-04-29T14:00:00" {
		t.Fatalf("values = %+v", got)
	}
	p, _, _ = parseLine("RDATE;VALUE=PERIOD:19970101T180000Z/PT5H30M,19970120T070000Z/19970120T080000Z")
	got, err = ParseDateTimes(p, nil)
	if err != nil || len(got) != 2 || !got[1].UTC || got[1].Local != "1997-01-20T07:00:00" {
		t.Fatalf("periods: %+v %v", got, err)
	}
}

func TestCorpusDateTimesWithSystemZones(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"rie__issue_27_t1.ics", "2020-04-26T12:00:00Z"},
		{"rie__x_wr_timezone_simple_events_issue_59.ics", "2021-12-22T17:00:00Z"},
		{"tine__lightning_TehranTZ.ics", "2011-10-04T06:30:00Z"},
		{"rie__issue_48_dst.ics", ""},
	} {
		cal, _ := readCorpusCal(t, tc.file)
		dt, err := ParseDateTime(mustProp(t, mustComp(t, cal, "VEVENT"), "DTSTART"), nil)
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if tc.want != "" && dt.Instant.UTC().Format(time.RFC3339) != tc.want {
			t.Errorf("%s: DTSTART = %s, want %s", tc.file, dt.Instant.UTC().Format(time.RFC3339), tc.want)
		}
		if dt.Floating || dt.Zone == nil {
			t.Errorf("%s: zone not resolved: %+v", tc.file, dt)
		}
	}
	// The second event's DTSTART:20131009T170000T is an error to skip.
	cal, _ := readCorpusCal(t, "ic4a__one-event-with-multiple-exceptions-one-without.ics")
	bad := 0
	for _, ev := range cal.ComponentsNamed("VEVENT") {
		if _, err := ParseDateTime(ev.Prop("DTSTART"), nil); errors.Is(err, ErrInvalidDateTime) {
			bad++
		}
	}
	if bad != 1 {
		t.Fatalf("%d invalid DTSTARTs, want 1", bad)
	}
	// Floating stays floating.
	cal, _ = readCorpusCal(t, "tine__floating_time.ics")
	dt, err := ParseDateTime(mustProp(t, mustComp(t, cal, "VEVENT"), "DTSTART"), nil)
	if err != nil || !dt.Floating || dt.HasTZID {
		t.Fatalf("floating: %+v %v", dt, err)
	}
}

func TestSetDateTime(t *testing.T) {
	p, _, _ := parseLine("DTSTART;TZID=Eastern Standard Time;X-A=1:20240101T100000")
	if err := p.SetDateTime(DateTime{Local: "2024-02-03T04:05:06", TZID: "Eastern Standard Time"}); err != nil {
		t.Fatal(err)
	}
	if got := lineOf(p); got != "DTSTART;TZID=Eastern Standard Time;X-A=1:20240203T040506" {
		t.Fatalf("kept TZID: %s", got)
	}
	_ = p.SetDateTime(DateTime{Local: "2024-02-03", Date: true})
	if got := lineOf(p); got != "DTSTART;X-A=1;VALUE=DATE:20240203" {
		t.Fatalf("date: %s", got)
	}
	_ = p.SetDateTime(DateTime{Local: "2024-02-03T04:05:06", TZID: "Pacific Standard Time", TZIDQuoted: true})
	if got := lineOf(p); got != `DTSTART;X-A=1;TZID="Pacific Standard Time":20240203T040506` {
		t.Fatalf("new quoted TZID: %s", got)
	}
	_ = p.SetDateTime(DateTime{UTC: true, Instant: time.Date(2024, 2, 3, 4, 5, 6, 0, time.FixedZone("x", 3600))})
	if got := lineOf(p); got != "DTSTART;X-A=1:20240203T030506Z" {
		t.Fatalf("UTC: %s", got)
	}
	if err := p.SetDateTime(DateTime{Local: "nonsense"}); err == nil {
		t.Fatal("bad Local accepted")
	}
	q, err := NewDateTimeProperty("DUE", DateTime{Local: "2024-02-03T04:05:06"})
	if err != nil || lineOf(q) != "DUE:20240203T040506" {
		t.Fatalf("NewDateTimeProperty: %s %v", lineOf(q), err)
	}
}

// lineOf serialises one property as Write would, unfolded.
func lineOf(p *Property) string {
	out := string(WriteComponent(&Component{Name: "X", Props: []*Property{p}}))
	out = strings.ReplaceAll(out, "\r\n ", "")
	return strings.TrimSuffix(strings.TrimPrefix(out, "BEGIN:X\r\n"), "\r\nEND:X\r\n")
}

func TestDuration(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"PT15M":      15 * time.Minute,
		"-PT15M":     -15 * time.Minute,
		"+P1D":       24 * time.Hour,
		"P1W":        7 * 24 * time.Hour,
		"P1DT2H3M4S": 26*time.Hour + 3*time.Minute + 4*time.Second,
		"-p2dt1h":    -49 * time.Hour,
		"PT0S":       0,
		" PT1H ":     time.Hour,
	} {
		got, err := ParseDuration(in)
		if err != nil || got != want {
			t.Errorf("%q = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "P", "PT", "15M", "P1H", "PT1D", "P1DT", "PXD", "P1D2", "PT99999999999H"} {
		if _, err := ParseDuration(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	for d, want := range map[time.Duration]string{
		15 * time.Minute:             "PT15M",
		-15 * time.Minute:            "-PT15M",
		24 * time.Hour:               "P1D",
		14 * 24 * time.Hour:          "P2W",
		26*time.Hour + 4*time.Second: "P1DT2H4S",
		0:                            "PT0S",
	} {
		if got := FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%v) = %q, want %q", d, got, want)
		}
		if back, err := ParseDuration(FormatDuration(d)); err != nil || back != d {
			t.Errorf("round trip of %v: %v %v", d, back, err)
		}
	}
}
