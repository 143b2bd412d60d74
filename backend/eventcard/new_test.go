package eventcard

import (
	"strings"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/ical"
	"fieldbook/backend/tzmap"
)

// A new object names its zone with a TZID; RFC 5545 wants a VTIMEZONE for
// it, so clients without the IANA database (Outlook) read the same times.
func TestNewObjectsCarryAVTimezoneForTheirZone(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	data := NewEvent(crm.EventFields{Title: "Review", Start: "2026-07-01T09:00:00", End: "2026-07-01T10:00:00",
		TimeZone: "Europe/Berlin", RRule: "FREQ=WEEKLY"}, "u1", now)
	cal, _, err := ical.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	vtz := cal.Timezone("Europe/Berlin")
	if vtz == nil {
		t.Fatalf("no VTIMEZONE for Europe/Berlin in\n%s", data)
	}
	loc, _, err := tzmap.FromVTimezone(vtz)
	if err != nil {
		t.Fatal(err)
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	for _, at := range []time.Time{
		time.Date(2026, 7, 1, 7, 0, 0, 0, time.UTC), time.Date(2027, 1, 15, 8, 0, 0, 0, time.UTC),
		time.Date(2030, 3, 31, 1, 30, 0, 0, time.UTC), time.Date(2035, 10, 28, 0, 30, 0, 0, time.UTC),
	} {
		_, got := at.In(loc).Zone()
		_, want := at.In(berlin).Zone()
		if got != want {
			t.Errorf("offset at %s = %d; want %d", at, got, want)
		}
	}
	objs, problems, err := Read(data)
	if err != nil || len(problems) != 0 || len(objs) != 1 || objs[0].Event.TimeZone != "Europe/Berlin" {
		t.Fatalf("read back: %+v %v %v", objs, problems, err)
	}

	task := NewTask(crm.TaskFields{Title: "Call", Due: "2026-07-02T15:00:00", TimeZone: "America/Chicago"}, "t1", now)
	if !strings.Contains(string(task), "TZID:America/Chicago") {
		t.Errorf("task without its VTIMEZONE:\n%s", task)
	}
	for _, f := range []crm.EventFields{
		{Title: "Floating", Start: "2026-07-01T09:00:00", End: "2026-07-01T10:00:00"},
		{Title: "UTC", Start: "2026-07-01T09:00:00", End: "2026-07-01T10:00:00", TimeZone: "UTC"},
		{Title: "All day", Start: "2026-07-01", End: "2026-07-02", AllDay: true},
	} {
		if b := NewEvent(f, "x", now); strings.Contains(string(b), "VTIMEZONE") {
			t.Errorf("%s: unexpected VTIMEZONE:\n%s", f.Title, b)
		}
	}
}
