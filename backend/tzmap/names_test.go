package tzmap

import (
	"testing"
	"time"
)

func TestWindowsToIANA(t *testing.T) {
	for in, want := range map[string]string{
		"W. Europe Standard Time":        "Europe/Berlin",
		"Eastern Standard Time":          "America/New_York",
		"Pacific Standard Time":          "America/Los_Angeles",
		"China Standard Time":            "Asia/Shanghai",
		"India Standard Time":            "Asia/Calcutta",
		"GMT Standard Time":              "Europe/London",
		"New Zealand Standard Time":      "Pacific/Auckland",
		"AUS Eastern Standard Time":      "Australia/Sydney",
		"Singapore Standard Time":        "Asia/Singapore",
		"Central European Standard Time": "Europe/Warsaw",
		"E. South America Standard Time": "America/Sao_Paulo",
		"Pacific Standard Time (Mexico)": "America/Tijuana",
		"  w. europe   standard time ":   "Europe/Berlin",
		"W. Europe Daylight Time":        "Europe/Berlin",
		"UTC":                            "Etc/UTC",
	} {
		got, ok := WindowsToIANA(in)
		if !ok || got != want {
			t.Errorf("WindowsToIANA(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "Europe/Berlin", "Mars Standard Time", "W. Europe"} {
		if got, ok := WindowsToIANA(bad); ok {
			t.Errorf("WindowsToIANA(%q) = %q", bad, got)
		}
	}
}

func TestToIANA(t *testing.T) {
	for _, tc := range []struct{ in, iana, source string }{
		{"Europe/Berlin", "Europe/Berlin", SourceIANA},
		{"Etc/GMT", "Etc/GMT", SourceIANA},
		{"UTC", "UTC", SourceIANA},
		{"/mozilla.org/20050126_1/America/New_York", "America/New_York", SourceIANA},
		{"/freeassociation.sourceforge.net/Tzfile/Europe/Vienna", "Europe/Vienna", SourceIANA},
		{"W. Europe Standard Time", "Europe/Berlin", SourceWindows},
		{`"Eastern Standard Time"`, "America/New_York", SourceWindows},
		{"Canberra, Melbourne, Sydney", "Australia/Sydney", SourceDisplayName},
		{"Kuala Lumpur, Singapore", "Asia/Singapore", SourceDisplayName},
		{"(GMT+01.00) Sarajevo/Warsaw/Zagreb", "Europe/Warsaw", SourceDisplayName},
		{"Pacific Time (US & Canada), Tijuana", "America/Los_Angeles", SourceDisplayName},
		{"'Pacific Time (US & Canada), Tijuana'", "America/Los_Angeles", SourceDisplayName},
		{"(UTC-03:00) Brasília", "America/Sao_Paulo", SourceDisplayName},
		{"(UTC-03:00) Brasilia", "America/Sao_Paulo", SourceDisplayName},
		{"(UTC+10:00) Canberra, Melbourne, Sydney", "Australia/Sydney", SourceDisplayName},
		{"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Berlin", SourceDisplayName},
		{"(GMT-05:00) Eastern Time (US & Canada)", "America/New_York", SourceDisplayName},
		// City names checked against the offset in the prefix.
		{"(UTC+09:00) Irkutsk", "Asia/Irkutsk", SourceDisplayName},
		{"(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi", "Asia/Calcutta", SourceDisplayName},
		{"(UTC+02:00) Kyiv", "Europe/Kiev", SourceDisplayName},
		{"Zürich", "Europe/Zurich", SourceDisplayName},
		{"(UTC-06:00) Saskatchewan", "America/Regina", SourceDisplayName},
	} {
		iana, source, ok := ToIANA(tc.in)
		if !ok || iana != tc.iana || source != tc.source {
			t.Errorf("ToIANA(%q) = %q, %q, %v; want %q, %q", tc.in, iana, source, ok, tc.iana, tc.source)
		}
	}
	for _, bad := range []string{"", "FOO", "Local", "GMT +0100 (Standard) / GMT +0200 (Daylight)", "(UTC+05:00) Sydney", "../../etc/passwd", "Custom Time Zone"} {
		if iana, _, ok := ToIANA(bad); ok {
			t.Errorf("ToIANA(%q) = %q", bad, iana)
		}
	}
}

func TestTablesLoad(t *testing.T) {
	names := IANANames()
	if len(names) < 400 {
		t.Fatalf("only %d IANA names", len(names))
	}
	for _, n := range names {
		if _, err := time.LoadLocation(n); err != nil {
			t.Errorf("%s: %v", n, err)
		}
	}
	if CLDRVersion() != "48" {
		t.Errorf("CLDR version %q", CLDRVersion())
	}
}

func TestFoldAndOffsetPrefix(t *testing.T) {
	if got := foldName("  Brasília_Ño-Way, São  Paulo "); got != "brasilia no way sao paulo" {
		t.Errorf("foldName = %q", got)
	}
	for in, want := range map[string]time.Duration{
		"(UTC+10:00) x": 10 * time.Hour,
		"(GMT+01.00) x": time.Hour,
		"(UTC-03:30) x": -(3*time.Hour + 30*time.Minute),
		"(GMT) x":       0,
		"GMT+0530 x":    5*time.Hour + 30*time.Minute,
		"(UTC+5) x":     5 * time.Hour,
		"(UTC+14:00) x": 14 * time.Hour,
	} {
		rest, off, ok := stripOffsetPrefix(in)
		if !ok || off != want || rest != "x" {
			t.Errorf("stripOffsetPrefix(%q) = %q, %v, %v", in, rest, off, ok)
		}
	}
	for _, bad := range []string{"x", "(UTC+99:00) x", "(UTC+01:00 x", "UTCx"} {
		if rest, off, ok := stripOffsetPrefix(bad); ok && rest == "x" {
			t.Errorf("stripOffsetPrefix(%q) = %q, %v", bad, rest, off)
		}
	}
}
