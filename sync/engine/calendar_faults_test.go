package engine_test

import (
	"context"
	"testing"

	"fieldbook/backend/calendar"
	"fieldbook/backend/crm"
	"fieldbook/sync/davtest"
)

// TestCalendarFaultsLoseNothingAndDuplicateNothing is the fault table for
// a calendar: a sync that pulls a server edit of a meeting, uploads a new
// task, a meeting's edit and a task's delete meets each fault on each kind
// of request; the next syncs converge with one object per record, every
// edit on both sides and an empty outbox.
func TestCalendarFaultsLoseNothingAndDuplicateNothing(t *testing.T) {
	eachFault(t, checkCalendarConvergesAfterFault)
}

func checkCalendarConvergesAfterFault(t *testing.T, fault davtest.FaultRule) {
	srv := davtest.NewCalDAV(t)
	srv.Put("keep.ics", ics(vevent("keep", "DTSTART:20260901T090000Z", "DTEND:20260901T100000Z", "SUMMARY:Keep")))
	srv.Put("edit.ics", ics(vevent("edit", "DTSTART:20260902T090000Z", "DTEND:20260902T100000Z", "SUMMARY:Edit")))
	srv.Put("gone.ics", ics(vtodo("gone", "SUMMARY:Gone")))
	s := newFakeCalSide(t, srv)
	s.sync()

	task := s.task(crm.TaskFields{Title: "New task", Due: "2026-09-03"})
	s.editMeeting(s.events()["edit"].ID, calendar.ScopeAll, "", func(f *crm.EventFields) { f.Location = "Room 7" })
	gone := s.liveTasks()["gone"]
	if err := s.tasks.Delete(context.Background(), gone.ID, gone.Version); err != nil {
		t.Fatal(err)
	}
	srv.Put("keep.ics", ics(vevent("keep", "DTSTART:20260901T090000Z", "DTEND:20260901T100000Z", "SUMMARY:Keep (server)")))

	srv.Fail(fault)
	_, _ = s.trySync() // may fail: that is the point
	srv.ClearFaults()
	for i := range 2 {
		if _, err := s.trySync(); err != nil {
			t.Fatalf("sync %d after the fault: %v", i+1, err)
		}
	}

	objs := s.serverObjects()
	if len(objs) != 3 || objs["keep"].Event.Title != "Keep (server)" || objs["edit"].Event.Location != "Room 7" ||
		objs[task.UID].Task.Title != "New task" {
		t.Errorf("server holds %d objects: %+v", len(objs), keys(objs))
	}
	evs, ts := s.events(), s.liveTasks()
	if len(evs) != 2 || evs["keep"].Title != "Keep (server)" || evs["edit"].Location != "Room 7" {
		t.Errorf("local meetings %+v", evs)
	}
	if _, ok := ts["gone"]; ok || len(ts) != 1 {
		t.Errorf("local tasks %v; want only the new one", keys(ts))
	}
	if n := s.pending(); n != 0 {
		t.Errorf("outbox holds %d changes; want 0", n)
	}
	if err := s.db.IntegrityCheck(t.Context()); err != nil {
		t.Error(err)
	}
}
