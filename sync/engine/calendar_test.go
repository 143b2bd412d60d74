package engine_test

import (
	"context"
	"strings"
	"testing"

	"fieldbook/backend/calendar"
	"fieldbook/backend/crm"
	"fieldbook/sync/davtest"
)

// berlinSeries is a weekly meeting in Berlin with one moved occurrence, as
// another client would write it.
func berlinSeries(uid string) []byte {
	return ics(
		vevent(uid, "DTSTART;TZID=Europe/Berlin:20260302T090000", "DTEND;TZID=Europe/Berlin:20260302T100000",
			"RRULE:FREQ=WEEKLY;COUNT=10", "SUMMARY:Weekly sync", "X-MICROSOFT-CDO-BUSYSTATUS:BUSY"),
		vevent(uid, "RECURRENCE-ID;TZID=Europe/Berlin:20260309T090000", "DTSTART;TZID=Europe/Berlin:20260309T110000",
			"DTEND;TZID=Europe/Berlin:20260309T120000", "SUMMARY:Weekly sync (moved)"),
	)
}

func TestCalendarInitialPullThenNoChangeCostsOneRequest(t *testing.T) {
	srv := davtest.NewCalDAV(t)
	srv.Put("series.ics", berlinSeries("series-1"))
	srv.Put("todo.ics", ics(vtodo("todo-1", "SUMMARY:Send the offer", "DUE;VALUE=DATE:20260305", "PRIORITY:1")))
	s := newFakeCalSide(t, srv)

	if res := s.sync(); res.Fetched != 2 || res.Applied != 2 {
		t.Fatalf("first sync fetched %d, applied %d; want 2, 2", res.Fetched, res.Applied)
	}
	e := s.events()["series-1"]
	if e.Title != "Weekly sync" || e.TimeZone != "Europe/Berlin" || e.Start != "2026-03-02T09:00:00" || e.RRule != "FREQ=WEEKLY;COUNT=10" {
		t.Errorf("series read as %+v", e.EventFields)
	}
	if len(e.Overrides) != 1 || e.Overrides[0].RecurrenceID != "2026-03-09T09:00:00" || e.Overrides[0].Fields.Start != "2026-03-09T11:00:00" {
		t.Errorf("overrides = %+v", e.Overrides)
	}
	if got := e.StartUTC.Format("2006-01-02T15:04Z"); got != "2026-03-02T08:00Z" {
		t.Errorf("StartUTC = %s; want 08:00 UTC (09:00 in Berlin)", got)
	}
	if e.SeriesEndUTC == nil || e.SeriesEndUTC.Format("2006-01-02") != "2026-05-04" {
		t.Errorf("SeriesEndUTC = %v; want the tenth week, 2026-05-04", e.SeriesEndUTC)
	}
	task := s.liveTasks()["todo-1"]
	if task.Title != "Send the offer" || task.Due != "2026-03-05" || task.Priority != 1 || task.CalendarID != s.calendarID {
		t.Errorf("task read as %+v", task)
	}
	if n := s.pending(); n != 0 {
		t.Errorf("pulled items left %d changes in the outbox", n)
	}
	before := len(srv.Requests())
	if res := s.sync(); res.Fetched != 0 || res.Applied != 0 || res.Pushed != 0 {
		t.Errorf("no-change sync did work: %+v", res)
	}
	if got := len(srv.Requests()) - before; got != 1 {
		t.Errorf("no-change sync sent %d requests; want 1", got)
	}
}

func TestLocalMeetingAndTaskReachTheServerAndAreDeleted(t *testing.T) {
	srv := davtest.NewCalDAV(t)
	s := newFakeCalSide(t, srv)
	m := s.meeting(crm.EventFields{Title: "Kick-off", Location: "Room 4", Start: "2026-04-01T14:00:00", End: "2026-04-01T15:00:00",
		TimeZone: "America/New_York", Attendees: []crm.Attendee{{Email: "ann@example.com", Name: "Ann"}},
		Reminders: []crm.Reminder{{MinutesBefore: 15}}})
	task := s.task(crm.TaskFields{Title: "Call back", Due: "2026-04-02T10:00:00", TimeZone: "Europe/Berlin", Priority: 5})
	if res := s.sync(); res.Pushed != 2 || res.Failed != 0 {
		t.Fatalf("push %+v; want 2 pushed", res)
	}
	objs := s.serverObjects()
	if len(objs) != 2 {
		t.Fatalf("server holds %d objects; want 2", len(objs))
	}
	if o := objs[m.UID]; o.Kind != "event" || o.Event.Title != "Kick-off" || o.Event.TimeZone != "America/New_York" ||
		len(o.Event.Attendees) != 1 || len(o.Event.Reminders) != 1 {
		t.Errorf("server meeting %+v", o.Event)
	}
	if o := objs[task.UID]; o.Kind != "task" || o.Task.Title != "Call back" || o.Task.Due != "2026-04-02T10:00:00" {
		t.Errorf("server task %+v", o.Task)
	}
	s.editMeeting(m.ID, calendar.ScopeAll, "", func(f *crm.EventFields) { f.Location = "Room 5" })
	if _, err := s.tasks.Complete(context.Background(), task.ID, task.Version, true); err != nil {
		t.Fatal(err)
	}
	s.sync()
	objs = s.serverObjects()
	if objs[m.UID].Event.Location != "Room 5" || objs[task.UID].Task.Status != crm.TaskCompleted {
		t.Errorf("after edits the server has location %q, task status %q", objs[m.UID].Event.Location, objs[task.UID].Task.Status)
	}
	s.deleteMeeting(m.ID)
	done, err := s.tasks.Get(context.Background(), task.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.tasks.Delete(context.Background(), task.ID, done.Version); err != nil {
		t.Fatal(err)
	}
	s.sync()
	if n := len(srv.Objects()); n != 0 {
		t.Errorf("server holds %d objects after the deletes", n)
	}
	if n := s.pending(); n != 0 {
		t.Errorf("outbox holds %d", n)
	}
}

func TestServerEditsAndDeletesOfMeetingsArePulled(t *testing.T) {
	srv := davtest.NewCalDAV(t)
	srv.Put("a.ics", ics(vevent("a", "DTSTART:20260410T080000Z", "DTEND:20260410T090000Z", "SUMMARY:Review")))
	srv.Put("b.ics", ics(vevent("b", "DTSTART;VALUE=DATE:20260411", "DTEND;VALUE=DATE:20260412", "SUMMARY:Offsite")))
	s := newFakeCalSide(t, srv)
	s.sync()
	srv.Put("a.ics", ics(vevent("a", "DTSTART:20260410T100000Z", "DTEND:20260410T110000Z", "SUMMARY:Review (later)")))
	srv.Delete("b.ics")
	if res := s.sync(); res.Applied != 2 {
		t.Fatalf("applied %d; want 2", res.Applied)
	}
	evs := s.events()
	if a := evs["a"]; a.Title != "Review (later)" || a.Start != "2026-04-10T10:00:00" || a.StartUTC.Hour() != 10 {
		t.Errorf("a = %+v at %v", a.EventFields, a.StartUTC)
	}
	if _, ok := evs["b"]; ok {
		t.Error("b was deleted on the server but is still here")
	}
}

// A local edit of one occurrence goes up as an override; an override made
// on the server for another occurrence comes down, and both stay.
func TestSeriesExceptionEditedOnEachSide(t *testing.T) {
	srv := davtest.NewCalDAV(t)
	s := newFakeCalSide(t, srv)
	m := s.meeting(crm.EventFields{Title: "Stand-up", Start: "2026-03-02T09:00:00", End: "2026-03-02T09:15:00",
		TimeZone: "Europe/Berlin", RRule: "FREQ=DAILY;COUNT=5"})
	s.sync()
	s.editMeeting(m.ID, calendar.ScopeThis, "2026-03-03T09:00:00", func(f *crm.EventFields) { f.Title = "Stand-up (demo)" })
	if res := s.sync(); res.Pushed != 1 {
		t.Fatalf("pushed %d; want 1", res.Pushed)
	}
	obj := s.serverObjects()[m.UID]
	if len(obj.Event.Overrides) != 1 || obj.Event.Overrides[0].RecurrenceID != "2026-03-03T09:00:00" ||
		obj.Event.Overrides[0].Fields.Title != "Stand-up (demo)" || !strings.Contains(string(obj.Data), "RECURRENCE-ID;TZID=Europe/Berlin:20260303T090000") {
		t.Fatalf("server copy after the local override:\n%s", obj.Data)
	}
	// Another client moves the occurrence of the 5th.
	href := ""
	for h, o := range srv.Objects() {
		if strings.Contains(string(o.Data), m.UID) {
			href = h
		}
	}
	data := strings.Replace(string(srv.Objects()[href].Data), "END:VCALENDAR",
		"BEGIN:VEVENT\r\nUID:"+m.UID+"\r\nDTSTAMP:20260101T000000Z\r\nRECURRENCE-ID;TZID=Europe/Berlin:20260305T090000\r\n"+
			"DTSTART;TZID=Europe/Berlin:20260305T100000\r\nDTEND;TZID=Europe/Berlin:20260305T101500\r\nSUMMARY:Stand-up (late)\r\nEND:VEVENT\r\nEND:VCALENDAR", 1)
	srv.Put(href, []byte(data))
	s.sync()
	got := s.event(m.ID)
	if len(got.Overrides) != 2 || got.Overrides[0].Fields.Title != "Stand-up (demo)" || got.Overrides[1].Fields.Start != "2026-03-05T10:00:00" {
		t.Fatalf("local overrides after the server's: %+v", got.Overrides)
	}
	if n := s.pending(); n != 0 {
		t.Errorf("outbox holds %d", n)
	}
}

// The same field changed on both sides goes to the conflict inbox as a
// meeting; different fields merge.
func TestMeetingEditedOnBothSides(t *testing.T) {
	srv := davtest.NewCalDAV(t)
	a, b := newFakeCalSide(t, srv), newFakeCalSide(t, srv)
	m := a.meeting(crm.EventFields{Title: "Budget", Start: "2026-05-04T13:00:00", End: "2026-05-04T14:00:00", TimeZone: "Europe/London"})
	a.sync()
	b.sync()
	bm := b.events()[m.UID]
	a.editMeeting(m.ID, calendar.ScopeAll, "", func(f *crm.EventFields) { f.Title = "Budget 2027"; f.Location = "HQ" })
	b.editMeeting(bm.ID, calendar.ScopeAll, "", func(f *crm.EventFields) { f.Title = "Budget review"; f.Notes = "bring numbers" })
	a.sync()
	if res := b.sync(); res.Conflicts != 1 {
		t.Fatalf("b's sync recorded %d conflicts; want 1", res.Conflicts)
	}
	cs := b.conflicts()
	if len(cs) != 1 || cs[0].Entity != crm.EntityEvent || cs[0].ItemID != bm.ID || cs[0].Field != "title" ||
		cs[0].Mine != `"Budget review"` || cs[0].Theirs != `"Budget 2027"` {
		t.Fatalf("conflicts %+v", cs)
	}
	got := b.event(bm.ID)
	if got.Title != "Budget review" || got.Location != "HQ" || got.Notes != "bring numbers" {
		t.Errorf("b after the merge: %+v", got.EventFields)
	}
	a.sync()
	if e := a.event(m.ID); e.Title != "Budget 2027" || e.Notes != "bring numbers" {
		t.Errorf("a after b's upload: %+v (the title waits for b's decision, the notes arrive)", e.EventFields)
	}
}

// A meeting deleted here and edited on the server comes back; one edited
// here and deleted there is created again.
func TestMeetingDeleteAgainstEdit(t *testing.T) {
	srv := davtest.NewCalDAV(t)
	a, b := newFakeCalSide(t, srv), newFakeCalSide(t, srv)
	one := a.meeting(crm.EventFields{Title: "One", Start: "2026-06-01T10:00:00", End: "2026-06-01T11:00:00"})
	two := a.meeting(crm.EventFields{Title: "Two", Start: "2026-06-02T10:00:00", End: "2026-06-02T11:00:00"})
	a.sync()
	b.sync()
	bl := b.events()
	a.deleteMeeting(one.ID)
	b.editMeeting(bl[one.UID].ID, calendar.ScopeAll, "", func(f *crm.EventFields) { f.Title = "One, still" })
	b.deleteMeeting(bl[two.UID].ID)
	a.editMeeting(two.ID, calendar.ScopeAll, "", func(f *crm.EventFields) { f.Title = "Two, still" })
	b.sync()
	a.sync()
	b.sync()
	for name, s := range map[string]*calSide{"a": a, "b": b} {
		evs := s.events()
		if evs[one.UID].Title != "One, still" || evs[two.UID].Title != "Two, still" {
			t.Errorf("%s: one %q, two %q; want both kept with the edits", name, evs[one.UID].Title, evs[two.UID].Title)
		}
	}
	if n := len(a.serverObjects()); n != 2 {
		t.Errorf("server holds %d meetings; want 2", n)
	}
}

// A create whose answer is lost is not made twice.
func TestDroppedCreateAnswerMakesNoDuplicate(t *testing.T) {
	srv := davtest.NewCalDAV(t)
	s := newFakeCalSide(t, srv)
	m := s.meeting(crm.EventFields{Title: "Once", Start: "2026-07-01T10:00:00", End: "2026-07-01T11:00:00"})
	task := s.task(crm.TaskFields{Title: "Once too"})
	srv.Fail(davtest.FaultRule{Method: "PUT", Kind: davtest.FaultDropAfter, Times: 1})
	if _, err := s.trySync(); err == nil {
		t.Fatal("the sync whose PUT answer was lost reported success")
	}
	if len(srv.Objects()) != 1 {
		t.Fatalf("the first PUT landed: want 1 object, have %d", len(srv.Objects()))
	}
	s.sync()
	s.sync()
	objs := s.serverObjects()
	if len(objs) != 2 || objs[m.UID].Event.Title != "Once" || objs[task.UID].Task.Title != "Once too" {
		t.Fatalf("server after retries: %d objects", len(objs))
	}
	if len(s.events()) != 1 || len(s.liveTasks()) != 1 || s.pending() != 0 {
		t.Errorf("local: %d meetings, %d tasks, %d pending", len(s.events()), len(s.liveTasks()), s.pending())
	}
}
