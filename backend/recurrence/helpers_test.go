package recurrence

import (
	"strings"
	"testing"
	"time"

	"fieldbook/backend/crm"
)

// zone loads an IANA zone or fails the test.
func zone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return loc
}

// utc parses an RFC 3339 instant or fails the test.
func utc(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatalf("parse %s: %v", s, err)
	}
	return v
}

// expandAll expands f over a wide window.
func expandAll(t testing.TB, f crm.EventFields, loc *time.Location) []Instance {
	t.Helper()
	got, err := Expand(f, loc, utc(t, "1990-01-01T00:00:00Z"), utc(t, "2040-01-01T00:00:00Z"), 0)
	if err != nil {
		t.Fatalf("expand %q: %v", f.Title, err)
	}
	return got
}

// starts lists the UTC starts of instances as RFC 3339 text.
func starts(ins []Instance) []string {
	out := make([]string, len(ins))
	for i, in := range ins {
		out[i] = in.Start.UTC().Format(time.RFC3339)
	}
	return out
}

// localStarts lists the Fields.Start of instances.
func localStarts(ins []Instance) []string {
	out := make([]string, len(ins))
	for i, in := range ins {
		out[i] = in.Fields.Start
	}
	return out
}

// ids lists the RecurrenceIDs of instances.
func ids(ins []Instance) []string {
	out := make([]string, len(ins))
	for i, in := range ins {
		out[i] = in.RecurrenceID
	}
	return out
}

// equalStrings fails the test when got and want differ.
func equalStrings(t testing.TB, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got  %q\n want %q", what, got, want)
	}
}
