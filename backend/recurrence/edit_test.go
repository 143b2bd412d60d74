package recurrence

import (
	"reflect"
	"testing"

	"fieldbook/backend/crm"
)

// weekly is a Monday 10:00 Berlin series of ten, starting before the DST
// change, with an override and an EXDATE on each side of 2020-10-26.
func weekly() crm.EventFields {
	return crm.EventFields{
		Title: "Standup", Start: "2020-10-05T10:00:00", End: "2020-10-05T10:30:00", TimeZone: "Europe/Berlin",
		RRule:   "FREQ=WEEKLY;COUNT=10;BYDAY=MO",
		ExDates: []string{"2020-10-12T10:00:00", "2020-11-09T10:00:00"},
		Overrides: []crm.Occurrence{
			{RecurrenceID: "2020-10-19T10:00:00", Fields: crm.EventFields{Title: "Early", Start: "2020-10-19T08:00:00", End: "2020-10-19T08:30:00", TimeZone: "Europe/Berlin"}},
			{RecurrenceID: "2020-11-02T10:00:00", Fields: crm.EventFields{Title: "Renamed", Start: "2020-11-02T10:00:00", End: "2020-11-02T10:30:00", TimeZone: "Europe/Berlin"}},
			{RecurrenceID: "2020-11-16T10:00:00", Fields: crm.EventFields{Title: "Moved", Start: "2020-11-17T15:00:00", End: "2020-11-17T16:00:00", TimeZone: "Europe/Berlin"}},
		},
	}
}

// TestEditThisAndDeleteThis adds, replaces and removes single occurrences.
func TestEditThisAndDeleteThis(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	m := weekly()
	occ := crm.EventFields{Title: "Long one", Start: "2020-10-26T10:00:00", End: "2020-10-26T12:00:00", TimeZone: "Europe/Berlin", RRule: "FREQ=DAILY"}
	f, err := EditThis(m, "2020-10-26T10:00:00", occ)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Overrides) != 4 || f.Overrides[1].RecurrenceID != "2020-10-26T10:00:00" || f.Overrides[1].Fields.RRule != "" ||
		f.Overrides[1].Fields.Title != "Long one" || len(m.Overrides) != 3 {
		t.Errorf("added override: %+v (master kept %d)", f.Overrides, len(m.Overrides))
	}
	got := expandAll(t, f, berlin)
	for _, in := range got {
		if in.RecurrenceID == "2020-10-26T10:00:00" && (!in.Override || in.End.Sub(in.Start).Hours() != 2) {
			t.Errorf("edited occurrence: %+v", in)
		}
	}
	// Replacing the same key keeps one override; editing an excluded
	// occurrence brings it back.
	f, _ = EditThis(f, "2020-10-26T10:00:00", crm.EventFields{Title: "Again", Start: "2020-10-26T10:00:00", End: "2020-10-26T10:30:00"})
	f, _ = EditThis(f, "2020-10-12T10:00:00", crm.EventFields{Title: "Back", Start: "2020-10-12T10:00:00", End: "2020-10-12T10:30:00"})
	if len(f.Overrides) != 5 || !reflect.DeepEqual(f.ExDates, []string{"2020-11-09T10:00:00"}) {
		t.Errorf("replace / restore: %d overrides, exdates %v", len(f.Overrides), f.ExDates)
	}
	before := len(expandAll(t, f, berlin))
	d, err := DeleteThis(f, "2020-11-16T10:00:00")
	if err != nil {
		t.Fatal(err)
	}
	after := expandAll(t, d, berlin)
	if len(after) != before-1 || len(d.Overrides) != 4 || d.ExDates[len(d.ExDates)-1] != "2020-11-16T10:00:00" {
		t.Errorf("delete this: %d → %d occurrences, overrides %d, exdates %v", before, len(after), len(d.Overrides), d.ExDates)
	}
	withR := crm.EventFields{Start: "2024-01-01", End: "2024-01-02", AllDay: true, RRule: "FREQ=YEARLY", RDates: []string{"2024-06-01"}}
	d, _ = DeleteThis(withR, "2024-06-01T00:00:00")
	if len(d.RDates) != 0 || len(d.ExDates) != 0 {
		t.Errorf("deleting an RDATE occurrence: rdates %v exdates %v", d.RDates, d.ExDates)
	}
	if _, err := EditThis(m, "someday", occ); crm.ErrorCode(err) != CodeTimeInvalid {
		t.Errorf("bad key: %v", err)
	}
}

// TestEditFollowing splits the series at an occurrence after the DST
// change and moves the rest one hour later.
func TestEditFollowing(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	m := weekly()
	all := expandAll(t, m, berlin)
	changed := m
	changed.Title, changed.Start, changed.End = "Standup v2", "2020-10-26T11:00:00", "2020-10-26T11:30:00"
	head, tail, err := EditFollowing(m, berlin, "2020-10-26T10:00:00", changed)
	if err != nil {
		t.Fatal(err)
	}
	if tail == nil {
		t.Fatal("no tail")
	}
	// Head: UNTIL on the previous occurrence (Oct 19 10:00 CEST = 08:00Z),
	// the COUNT dropped, earlier EXDATEs and overrides kept.
	if head.RRule != "FREQ=WEEKLY;UNTIL=20201019T080000Z;BYDAY=MO" {
		t.Errorf("head rule %q", head.RRule)
	}
	if !reflect.DeepEqual(head.ExDates, []string{"2020-10-12T10:00:00"}) || len(head.Overrides) != 1 || head.Title != "Standup" {
		t.Errorf("head parts: %v %+v", head.ExDates, head.Overrides)
	}
	// Tail: 10 − 3 rule occurrences before = 7 left, keys moved to 11:00,
	// the renamed (unmoved) override moved along, the moved one kept.
	if tail.RRule != "FREQ=WEEKLY;COUNT=7;BYDAY=MO" || tail.Start != "2020-10-26T11:00:00" || tail.Title != "Standup v2" {
		t.Errorf("tail: %q %q %q", tail.RRule, tail.Start, tail.Title)
	}
	if !reflect.DeepEqual(tail.ExDates, []string{"2020-11-09T11:00:00"}) {
		t.Errorf("tail exdates %v", tail.ExDates)
	}
	want := []crm.Occurrence{
		{RecurrenceID: "2020-11-02T11:00:00", Fields: crm.EventFields{Title: "Renamed", Start: "2020-11-02T11:00:00", End: "2020-11-02T11:30:00", TimeZone: "Europe/Berlin"}},
		{RecurrenceID: "2020-11-16T11:00:00", Fields: crm.EventFields{Title: "Moved", Start: "2020-11-17T15:00:00", End: "2020-11-17T16:00:00", TimeZone: "Europe/Berlin"}},
	}
	if !reflect.DeepEqual(tail.Overrides, want) {
		t.Errorf("tail overrides:\n got  %+v\n want %+v", tail.Overrides, want)
	}
	h, tl := expandAll(t, head, berlin), expandAll(t, *tail, berlin)
	if len(h)+len(tl) != len(all) {
		t.Errorf("split lost occurrences: %d + %d != %d", len(h), len(tl), len(all))
	}
	if h[len(h)-1].RecurrenceID != "2020-10-19T10:00:00" || !tl[0].Start.Equal(utc(t, "2020-10-26T10:00:00Z")) {
		t.Errorf("split edges: %v | %v", ids(h), starts(tl))
	}

	// At the first occurrence nothing is split.
	first := m
	first.Title = "Renamed series"
	f, tail, err := EditFollowing(m, berlin, "2020-10-05T10:00:00", first)
	if err != nil || tail != nil || f.Title != "Renamed series" || f.RRule != m.RRule {
		t.Errorf("following from the first: %+v %v %v", f, tail, err)
	}
}

// TestEditFollowingForms checks the UNTIL forms of all-day and floating
// series.
func TestEditFollowingForms(t *testing.T) {
	chicago := zone(t, "America/Chicago")
	day := crm.EventFields{Start: "2020-10-30", End: "2020-10-31", AllDay: true, RRule: "FREQ=DAILY"}
	moved := day
	moved.Start, moved.End = "2020-11-02", "2020-11-04" // two days long from now on
	head, tail, err := EditFollowing(day, chicago, "2020-11-02", moved)
	if err != nil || tail == nil {
		t.Fatal(err)
	}
	if head.RRule != "FREQ=DAILY;UNTIL=20201101" || tail.Start != "2020-11-02" || tail.RRule != "FREQ=DAILY" {
		t.Errorf("all-day split: head %q, tail %q from %s", head.RRule, tail.RRule, tail.Start)
	}
	equalStrings(t, "all-day head", localStarts(expandAll(t, head, chicago)), []string{"2020-10-30", "2020-10-31", "2020-11-01"})
	floating := crm.EventFields{Start: "2020-10-30T09:00:00", End: "2020-10-30T10:00:00", RRule: "FREQ=DAILY;INTERVAL=2"}
	head, _, err = EditFollowing(floating, chicago, "2020-11-03T09:00:00", floating)
	if err != nil || head.RRule != "FREQ=DAILY;UNTIL=20201101T090000;INTERVAL=2" {
		t.Errorf("floating head rule %q %v", head.RRule, err)
	}
}

// TestEditAll moves the whole series and changes its rule.
func TestEditAll(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	m := weekly()
	changed := m
	changed.Start, changed.End = "2020-10-05T09:00:00", "2020-10-05T10:00:00" // an hour earlier, twice as long
	f, err := EditAll(m, berlin, changed)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f.ExDates, []string{"2020-10-12T09:00:00", "2020-11-09T09:00:00"}) {
		t.Errorf("exdates %v", f.ExDates)
	}
	want := []crm.Occurrence{
		{RecurrenceID: "2020-10-19T09:00:00", Fields: crm.EventFields{Title: "Early", Start: "2020-10-19T08:00:00", End: "2020-10-19T08:30:00", TimeZone: "Europe/Berlin"}},
		{RecurrenceID: "2020-11-02T09:00:00", Fields: crm.EventFields{Title: "Renamed", Start: "2020-11-02T09:00:00", End: "2020-11-02T10:00:00", TimeZone: "Europe/Berlin"}},
		{RecurrenceID: "2020-11-16T09:00:00", Fields: crm.EventFields{Title: "Moved", Start: "2020-11-17T15:00:00", End: "2020-11-17T16:00:00", TimeZone: "Europe/Berlin"}},
	}
	if !reflect.DeepEqual(f.Overrides, want) {
		t.Errorf("overrides:\n got  %+v\n want %+v", f.Overrides, want)
	}
	if n := len(expandAll(t, f, berlin)); n != 8 {
		t.Errorf("%d occurrences after moving, want 8", n)
	}

	// A new weekday: the Monday keys name nothing any more and go.
	tue := m
	tue.Start, tue.End, tue.RRule = "2020-10-06T10:00:00", "2020-10-06T10:30:00", "FREQ=WEEKLY;COUNT=10;BYDAY=TU"
	f, err = EditAll(m, berlin, tue)
	if err != nil {
		t.Fatal(err)
	}
	// shifted by a day, Monday keys become Tuesday keys and still match
	if len(f.Overrides) != 3 || f.Overrides[0].RecurrenceID != "2020-10-20T10:00:00" {
		t.Errorf("tuesday: %+v", f.Overrides)
	}
	wed := m
	wed.RRule = "FREQ=WEEKLY;COUNT=10;BYDAY=WE"
	f, err = EditAll(m, berlin, wed)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Overrides) != 0 || len(f.ExDates) != 0 {
		t.Errorf("rule changed to Wednesdays kept %+v / %v", f.Overrides, f.ExDates)
	}

	// Timed to all-day: keys become dates.
	allDay := m
	allDay.Start, allDay.End, allDay.AllDay = "2020-10-05", "2020-10-06", true
	f, err = EditAll(m, berlin, allDay)
	if err != nil {
		t.Fatal(err)
	}
	if f.ExDates[0] != "2020-10-12" || f.Overrides[1].RecurrenceID != "2020-11-02" || f.Overrides[1].Fields.Start != "2020-11-02" ||
		f.Overrides[1].Fields.End != "2020-11-03" || !f.Overrides[1].Fields.AllDay {
		t.Errorf("to all-day: %v %+v", f.ExDates, f.Overrides)
	}
}

// TestDeleteFollowing ends the series and reports when nothing is left.
func TestDeleteFollowing(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	m := weekly()
	f, remaining, err := DeleteFollowing(m, berlin, "2020-11-02T10:00:00")
	if err != nil || !remaining {
		t.Fatalf("%v %v", remaining, err)
	}
	if f.RRule != "FREQ=WEEKLY;UNTIL=20201026T090000Z;BYDAY=MO" || len(f.Overrides) != 1 || len(f.ExDates) != 1 {
		t.Errorf("truncated: %q %+v %v", f.RRule, f.Overrides, f.ExDates)
	}
	equalStrings(t, "left", ids(expandAll(t, f, berlin)), []string{"2020-10-05T10:00:00", "2020-10-19T10:00:00", "2020-10-26T10:00:00"})
	if _, remaining, _ := DeleteFollowing(m, berlin, "2020-10-05T10:00:00"); remaining {
		t.Error("deleting from the first occurrence leaves something")
	}
	// Only excluded occurrences before: nothing left either.
	ex := m
	ex.ExDates = []string{"2020-10-05T10:00:00"}
	if _, remaining, _ := DeleteFollowing(ex, berlin, "2020-10-12T10:00:00"); remaining {
		t.Error("an excluded occurrence counted as remaining")
	}
}
