package eventcard

import (
	"bytes"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/ical"
)

// TestRoundTripCorpus reads every object of every corpus file, and checks
// that its Data reads back to the same fields, that patching it with its
// own fields changes nothing, and that every X- property and the start's
// TZID line of the original survive.
func TestRoundTripCorpus(t *testing.T) {
	for _, path := range corpusICS(t) {
		name := filepath.Base(path)
		raw := readFile(t, path)
		objs, _, err := Read(raw)
		if err != nil {
			if name == "pyical__bom_calendar.ics" {
				continue
			}
			t.Errorf("%s: %v", name, err)
			continue
		}
		origLines := map[string]bool{}
		if cals, _, err := ical.ReadAll(raw); err == nil {
			for _, cal := range cals {
				for _, l := range lines(ical.Write(cal)) {
					origLines[l] = true
				}
			}
		}
		for _, o := range objs {
			again, _, err := FromObject(o.Data)
			if err != nil {
				t.Errorf("%s %s: Data unreadable: %v", name, o.UID, err)
				continue
			}
			if again.UID != o.UID || !reflect.DeepEqual(again.Event, o.Event) || !reflect.DeepEqual(again.Task, o.Task) ||
				again.OriginalTZID != o.OriginalTZID {
				t.Errorf("%s %s: Data reads differently:\n got  %+v\n want %+v", name, o.UID, again.Event, o.Event)
			}
			patched, err := Patch(o.Data, o)
			if err != nil {
				t.Errorf("%s %s: patch: %v", name, o.UID, err)
				continue
			}
			if !bytes.Equal(patched, o.Data) {
				a, b := diff(o.Data, patched)
				t.Errorf("%s %s: an unchanged patch changed lines: -%q +%q", name, o.UID, a, b)
			}
			for _, l := range lines(o.Data) {
				if (strings.HasPrefix(l, "X-") || strings.HasPrefix(l, "DTSTART;TZID")) && !origLines[l] && !strings.HasPrefix(l, "X-WR") {
					t.Errorf("%s %s: line not in the original: %q", name, o.UID, l)
				}
			}
		}
		// Every X- line of the objects' components is kept somewhere.
		var all []byte
		for _, o := range objs {
			all = append(all, o.Data...)
		}
		have := map[string]bool{}
		for _, l := range lines(all) {
			have[l] = true
		}
		for l := range origLines {
			if strings.HasPrefix(l, "X-MICROSOFT-CDO-") && !have[l] && len(objs) > 0 {
				t.Errorf("%s: lost %q", name, l)
			}
		}
	}
}

// patchCase patches one corpus object and checks the changed lines.
type patchCase struct {
	name         string
	edit         func(f *crm.EventFields)
	removed, add []string // exact unfolded lines
}

// TestPatchEventLines changes one field at a time on an Outlook invitation
// and checks that exactly the expected lines change, that the result reads
// back as the edited fields, and that the TZID text stays quoted as
// received.
func TestPatchEventLines(t *testing.T) {
	objs, _ := readObjects(t, "biweekly__outlook-2010.ics")
	base := objs[0]
	cases := []patchCase{
		{name: "title", edit: func(f *crm.EventFields) { f.Title = "Team Meeting (moved)" },
			removed: []string{"SUMMARY;LANGUAGE=en-us:Team Meeting"}, add: []string{"SUMMARY;LANGUAGE=en-us:Team Meeting (moved)"}},
		{name: "location", edit: func(f *crm.EventFields) { f.Location = "Room 1; 2, 3" },
			removed: []string{"LOCATION:Auditorium 16"}, add: []string{`LOCATION:Room 1\; 2\, 3`}},
		{name: "start", edit: func(f *crm.EventFields) { f.Start, f.End = "2013-06-11T09:30:00", "2013-06-11T10:30:00" },
			removed: []string{`DTSTART;TZID="Eastern Standard Time":20130610T120000`, `DTEND;TZID="Eastern Standard Time":20130610T130000`},
			add:     []string{`DTSTART;TZID="Eastern Standard Time":20130611T093000`, `DTEND;TZID="Eastern Standard Time":20130611T103000`}},
		{name: "busy", edit: func(f *crm.EventFields) { f.Busy = crm.BusyFree },
			removed: []string{"TRANSP:OPAQUE", "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE", "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY"},
			add:     []string{"TRANSP:TRANSPARENT", "X-MICROSOFT-CDO-BUSYSTATUS:FREE", "X-MICROSOFT-CDO-INTENDEDSTATUS:FREE"}},
		{name: "private", edit: func(f *crm.EventFields) { f.Private = true },
			removed: []string{"CLASS:PUBLIC"}, add: []string{"CLASS:PRIVATE"}},
		{name: "categories", edit: func(f *crm.EventFields) { f.Categories = []string{"Kunde, wichtig", "Ärger"} },
			add: []string{`CATEGORIES:Kunde\, wichtig,Ärger`}},
		{name: "attendee status", edit: func(f *crm.EventFields) { f.Attendees[1].Status = crm.PartAccepted },
			removed: []string{`ATTENDEE;CN="Doe, Jane";ROLE=CHAIR;RSVP=TRUE:mailto:janedoe@example.com`},
			add:     []string{`ATTENDEE;CN="Doe, Jane";ROLE=CHAIR;RSVP=TRUE;PARTSTAT=ACCEPTED:mailto:janedoe@example.com`}},
		{name: "new attendee", edit: func(f *crm.EventFields) {
			f.Attendees = append(f.Attendees, crm.Attendee{Email: "zoë@example.org", Name: "Zoë Ünal"})
		}, add: []string{"ATTENDEE;CN=Zoë Ünal;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:zoë@example.org"}},
		{name: "attendee gone", edit: func(f *crm.EventFields) { f.Attendees = f.Attendees[1:] },
			removed: []string{`ATTENDEE;CN="Doe, John";ROLE=OPT-PARTICIPANT;RSVP=FALSE:mailto:johndoe@example.com`}},
		{name: "reminder", edit: func(f *crm.EventFields) { f.Reminders = []crm.Reminder{{MinutesBefore: 10}} },
			add: []string{"BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Team Meeting", "TRIGGER:-PT10M", "END:VALARM"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := base.Event
			f.Attendees = slices.Clone(f.Attendees)
			tc.edit(&f)
			out, err := PatchEvent(base.Data, f)
			if err != nil {
				t.Fatal(err)
			}
			removed, added := diff(base.Data, out)
			if !sameSet(removed, tc.removed) || !sameSet(added, tc.add) {
				t.Errorf("lines:\n removed %q\n want    %q\n added   %q\n want    %q", removed, tc.removed, added, tc.add)
			}
			back, _, err := FromObject(out)
			if err != nil || !Equal(back.Event, f) || back.UID != base.UID {
				t.Errorf("reads back as %+v (%v)", back.Event, err)
			}
		})
	}
}

// sameSet compares two line lists ignoring order.
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// TestPatchKeepsUnquotedTZID moves an event whose TZID was written without
// quotes: the new DTSTART keeps the text as received.
func TestPatchKeepsUnquotedTZID(t *testing.T) {
	objs, _ := readObjects(t, "pyical__issue_836_do_not_quote_tzid.ics")
	f := objs[0].Event
	f.Start, f.End = "2024-10-29T08:00:00", "2024-10-29T09:00:00"
	out, err := PatchEvent(objs[0].Data, f)
	if err != nil {
		t.Fatal(err)
	}
	if countLines(out, "DTSTART;TZID=Eastern Standard Time:20241029T080000") != 1 {
		t.Errorf("DTSTART lines: %q", grep(out, "DTSTART"))
	}
	if !strings.Contains(string(out), "BEGIN:VTIMEZONE") {
		t.Error("the VTIMEZONE the event uses was dropped")
	}
}

// grep returns the unfolded lines of b starting with prefix.
func grep(b []byte, prefix string) []string {
	var out []string
	for _, l := range lines(b) {
		if strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return out
}

// TestPatchSeries edits a recurring series: a new override, an EXDATE, a
// changed and a removed override, a new zone.
func TestPatchSeries(t *testing.T) {
	objs, _ := readObjects(t, "tine__lightning_repeating_weekly_exception.ics")
	base := objs[0]
	f := base.Event
	occ := f
	occ.RRule, occ.Overrides = "", nil
	occ.Title, occ.Start, occ.End = "Moved once", "2013-04-30T17:00:00", "2013-04-30T18:00:00"
	f.Overrides = append(slices.Clone(f.Overrides), crm.Occurrence{RecurrenceID: "2013-04-30T15:30:00", Fields: occ})
	f.ExDates = []string{"2013-05-07T15:30:00"}
	out, err := PatchEvent(base.Data, f)
	if err != nil {
		t.Fatal(err)
	}
	if countLines(out, "RECURRENCE-ID;TZID=Europe/Berlin:20130430T153000") != 1 || countLines(out, "EXDATE;TZID=Europe/Berlin:20130507T153000") != 1 ||
		countLines(out, "DTSTART;TZID=Europe/Berlin:20130430T170000") != 1 {
		t.Errorf("series lines: %q %q", grep(out, "RECURRENCE-ID"), grep(out, "EXDATE"))
	}
	back, _, err := FromObject(out)
	if err != nil || !Equal(back.Event, f) {
		t.Errorf("reads back:\n got  %+v\n want %+v", back.Event, Canonical(f))
	}
	// Drop the first override, rename the new one, and move the series to
	// another zone: the EXDATE follows the new zone.
	g := back.Event
	g.Overrides = g.Overrides[1:]
	g.Overrides[0].Fields.Title = "Renamed"
	g.TimeZone = "America/New_York"
	g.Overrides[0].Fields.TimeZone = "America/New_York"
	out2, err := PatchEvent(out, g)
	if err != nil {
		t.Fatal(err)
	}
	if countLines(out2, "RECURRENCE-ID;TZID=Europe/Berlin:20130423T153000") != 0 || countLines(out2, "EXDATE;TZID=America/New_York:20130507T153000") != 1 ||
		countLines(out2, "DTSTART;TZID=America/New_York:20130416T153000") != 1 {
		t.Errorf("after the second patch: %q %q %q", grep(out2, "RECURRENCE-ID"), grep(out2, "EXDATE"), grep(out2, "DTSTART"))
	}
	back, _, err = FromObject(out2)
	if err != nil || !Equal(back.Event, g) {
		t.Errorf("reads back:\n got  %+v\n want %+v", back.Event, Canonical(g))
	}
}

// TestPatchTask edits a Lightning task and checks the changed lines.
func TestPatchTask(t *testing.T) {
	objs, _ := readObjects(t, "tine__lightning.ics")
	base := objs[0]
	f := base.Task
	f.Status, f.PercentComplete, f.CompletedAt = crm.TaskCompleted, 100, "2013-07-15T08:00:00Z"
	f.Due = "2013-07-15T18:00:00"
	f.Reminders = []crm.Reminder{{MinutesBefore: 30}}
	out, err := PatchTask(base.Data, f)
	if err != nil {
		t.Fatal(err)
	}
	removed, added := diff(base.Data, out)
	wantRemoved := []string{"STATUS:IN-PROCESS", "PERCENT-COMPLETE:10", "DUE;TZID=Europe/Berlin:20130714T180000"}
	wantAdded := []string{"STATUS:COMPLETED", "PERCENT-COMPLETE:100", "DUE;TZID=Europe/Berlin:20130715T180000", "COMPLETED:20130715T080000Z",
		"BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:New Task", "TRIGGER;RELATED=END:-PT30M", "END:VALARM"}
	if !sameSet(removed, wantRemoved) || !sameSet(added, wantAdded) {
		t.Errorf("lines:\n removed %q\n added   %q", removed, added)
	}
	back, _, err := FromObject(out)
	if err != nil || !EqualTask(back.Task, f) {
		t.Errorf("reads back as %+v (%v)", back.Task, err)
	}
	// The Mozilla alarm relative to the start is not a reminder of the
	// task and survives.
	if countLines(out, "TRIGGER;VALUE=DURATION:-PT1H15M") != 1 {
		t.Error("the start-relative alarm was lost")
	}
}

// TestNewEventReadsBack builds objects from fields and reads them back.
func TestNewEventReadsBack(t *testing.T) {
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	events := []crm.EventFields{
		{Title: "Kick-off, Q3", Location: "Zürich; HQ", Notes: "Line 1\nLine 2 🐎", Start: "2024-06-03T09:00:00", End: "2024-06-03T10:30:00",
			TimeZone: "Europe/Zurich", RRule: "FREQ=WEEKLY;BYDAY=MO;COUNT=10", ExDates: []string{"2024-06-10T09:00:00"},
			RDates: []string{"2024-06-05T14:00:00"},
			Attendees: []crm.Attendee{{Email: "a@example.com", Name: "Doe, Anna", Role: crm.RoleChair, Status: crm.PartAccepted},
				{Email: "b@example.com", Role: crm.RoleOptional, Status: crm.PartTentative}},
			Organizer: crm.Attendee{Email: "a@example.com", Name: "Doe, Anna"},
			Reminders: []crm.Reminder{{MinutesBefore: 0}, {MinutesBefore: 1440}}, Busy: crm.BusyOutOfOffice, Private: true,
			Categories: []string{"Kunde", "a, b"}, Status: "tentative",
			Overrides: []crm.Occurrence{{RecurrenceID: "2024-06-17T09:00:00", Fields: crm.EventFields{Title: "Moved", Start: "2024-06-18T11:00:00",
				End: "2024-06-18T12:00:00", TimeZone: "Europe/Zurich", Status: "cancelled"}}}},
		{Title: "Holiday", Start: "2024-12-24", End: "2024-12-27", AllDay: true, RRule: "FREQ=YEARLY", Busy: crm.BusyFree},
		{Title: "Call", Start: "2024-06-03T09:00:00", End: "2024-06-03T09:15:00", TimeZone: "UTC"},
		{Title: "Floating", Start: "2024-06-03T09:00:00", End: "2024-06-03T09:15:00"},
		{Title: "One of a series", Start: "2024-06-03T09:00:00", End: "2024-06-03T09:15:00", TimeZone: "America/Chicago", RecurrenceID: "2024-06-03T08:00:00"},
	}
	for _, f := range events {
		data := NewEvent(f, "uid-"+f.Title, now)
		o, probs, err := FromObject(data)
		if err != nil || len(probs) != 0 {
			t.Errorf("%s: %v %v", f.Title, err, probs)
			continue
		}
		if !Equal(o.Event, f) || o.UID != "uid-"+f.Title {
			t.Errorf("%s reads back:\n got  %+v\n want %+v\n%s", f.Title, o.Event, Canonical(f), data)
		}
		if countLines(data, "DTSTAMP:20240501T120000Z") < 1 || countLines(data, "PRODID:"+ProdID) != 1 {
			t.Errorf("%s: no DTSTAMP/PRODID", f.Title)
		}
	}
	task := crm.TaskFields{Title: "Call back", Notes: "re: offer", Due: "2024-06-04", Priority: 1, Status: crm.TaskNeedsAction,
		Reminders: []crm.Reminder{{MinutesBefore: 60}}, Categories: []string{"Sales"}}
	o, _, err := FromObject(NewTask(task, "t1", now))
	if err != nil || !EqualTask(o.Task, task) || o.Kind != KindTask {
		t.Errorf("task reads back as %+v (%v)", o.Task, err)
	}
}
