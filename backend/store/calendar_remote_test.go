package store

import (
	"context"
	"slices"
	"testing"

	"fieldbook/backend/crm"
)

// calendarAccount makes an account with one calendar collection per name,
// each with its local calendar, and returns the collections and calendars.
func calendarAccount(t *testing.T, db *DB, clock crm.Clock, names ...string) ([]crm.Collection, []crm.Calendar) {
	t.Helper()
	ctx := context.Background()
	now := clock.Now()
	a := crm.Account{ID: crm.NewID(now), Name: "srv", URL: "http://127.0.0.1/", CreatedAt: now}
	for _, n := range names {
		a.Collections = append(a.Collections, crm.Collection{ID: crm.NewID(clock.Now()), Href: "/cal/" + n + "/", Name: n,
			Enabled: true, Kind: crm.CollectionCalendar, Components: []string{"VEVENT", "VTODO"}, Color: "#112233"})
	}
	if err := db.CreateAccount(ctx, a); err != nil {
		t.Fatal(err)
	}
	var cals []crm.Calendar
	for _, c := range a.Collections {
		cal, err := db.EnsureCollectionCalendar(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		cals = append(cals, cal)
	}
	return a.Collections, cals
}

func TestCollectionsKeepKindComponentsAndColour(t *testing.T) {
	db, clock := openTestDB(t)
	ctx := context.Background()
	colls, cals := calendarAccount(t, db, clock, "work")
	a, err := db.Accounts(ctx)
	if err != nil || len(a) != 1 {
		t.Fatal(err)
	}
	got := a[0].Collections[0]
	if !got.IsCalendar() || !slices.Equal(got.Components, []string{"VEVENT", "VTODO"}) || got.Color != "#112233" {
		t.Fatalf("collection read back as %+v", got)
	}
	if cals[0].Name != "work" || cals[0].Color != "#112233" || cals[0].CollectionID != colls[0].ID || !cals[0].Default {
		t.Errorf("local calendar %+v; want named and coloured as on the server, the default as the first", cals[0])
	}
	again, err := db.EnsureCollectionCalendar(ctx, colls[0])
	if err != nil || again.ID != cals[0].ID {
		t.Errorf("second EnsureCollectionCalendar = %+v, %v; want the same calendar", again, err)
	}
	// "New contacts go here" means nothing for a calendar.
	if err := db.SetCollectionEnabled(ctx, colls[0].ID, true, true); err != nil {
		t.Fatal(err)
	}
	if a, _ := db.Account(ctx, a[0].ID); a.Collections[0].Default {
		t.Error("a calendar became the default address book")
	}
}

// A meeting linked to one calendar collection and moved to a calendar of
// another is removed from the first (without settling its changes) and
// only then created in the second.
func TestMovedMeetingLeavesItsCollectionFirst(t *testing.T) {
	db, clock := openTestDB(t)
	ctx := context.Background()
	colls, cals := calendarAccount(t, db, clock, "x", "y")
	cs := db.CalendarSync(nil)
	e := mustCreateEvent(t, db, newEvent(clock, cals[0].ID, "Move me", utc("2026-12-01T10:00:00Z")))
	link := crm.RemoteLink{CollectionID: colls[0].ID, Href: "/cal/x/m.ics", ItemID: e.ID, UID: e.UID, ETag: "e1", Base: []byte("x")}
	if err := cs.BeginCreate(ctx, link); err != nil {
		t.Fatal(err)
	}
	first, err := cs.PendingPush(ctx, e.ID)
	if err != nil || first.UpTo == 0 || first.Record.UID != e.UID {
		t.Fatalf("pending create: %+v, %v", first, err)
	}
	if err := cs.CompletePush(ctx, e.ID, first.UpTo, &link); err != nil {
		t.Fatal(err)
	}
	moved := e
	moved.CalendarID, moved.Version = cals[1].ID, e.Version+1
	if err := db.UpdateEvent(ctx, moved, []string{"calendarId"}); err != nil {
		t.Fatal(err)
	}
	fromX, err := cs.PendingPushes(ctx, colls[0].ID, false, 0, 10)
	if err != nil || len(fromX) != 1 || fromX[0].Record.DeletedAt == nil || fromX[0].UpTo != 0 || fromX[0].Link == nil {
		t.Fatalf("x's pending uploads %+v, %v; want the meeting as deleted, settling nothing", fromX, err)
	}
	if toY, err := cs.PendingPushes(ctx, colls[1].ID, false, 0, 10); err != nil || len(toY) != 0 {
		t.Fatalf("y's pending uploads while x holds the meeting: %+v, %v", toY, err)
	}
	if err := cs.CompletePush(ctx, e.ID, 0, nil); err != nil { // x's delete landed
		t.Fatal(err)
	}
	toY, err := cs.PendingPushes(ctx, colls[1].ID, false, 0, 10)
	if err != nil || len(toY) != 1 || toY[0].Link != nil || toY[0].Record.DeletedAt != nil || toY[0].UpTo == 0 {
		t.Fatalf("y's pending uploads after x let go: %+v, %v; want a create", toY, err)
	}
}

// What arrives from a server goes into the collection's calendar without
// a journal row; a task keeps its local links when the server changes it.
func TestApplyRemoteWritesIntoTheCollectionsCalendar(t *testing.T) {
	db, clock := openTestDB(t)
	ctx := context.Background()
	colls, cals := calendarAccount(t, db, clock, "work")
	cs := db.CalendarSync(nil)
	put := func(href string, o crm.CalendarObject) {
		t.Helper()
		err := cs.ApplyRemote(ctx, colls[0].ID, []crm.RemoteItem{{Href: href, ETag: "e", Data: []byte("data")}},
			func(_ crm.RemoteItem, _ crm.LocalState[crm.CalendarObject]) (crm.RemoteDecision[crm.CalendarObject], error) {
				return crm.RemoteDecision[crm.CalendarObject]{WriteFields: true, Fields: o,
					Link: &crm.RemoteLink{UID: "uid-" + href, ETag: "e", Base: []byte("data")}}, nil
			})
		if err != nil {
			t.Fatal(err)
		}
	}
	put("t.ics", crm.CalendarObject{Kind: crm.EntityTask, Task: crm.TaskFields{Title: "Call", Due: "2026-12-02", Status: crm.TaskNeedsAction}})
	tasks, err := db.TasksByUID(ctx, "uid-t.ics")
	if err != nil || len(tasks) != 1 || tasks[0].CalendarID != cals[0].ID || tasks[0].DueUTC == nil {
		t.Fatalf("task from the server: %+v, %v", tasks, err)
	}
	task := tasks[0]
	task.ContactID, task.Version = "contact-1", task.Version+1
	if err := db.UpdateTask(ctx, task, []string{"contactId"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.db.ExecContext(ctx, `UPDATE journal SET state = 'sent'`); err != nil {
		t.Fatal(err)
	}
	put("t.ics", crm.CalendarObject{Kind: crm.EntityTask, Task: crm.TaskFields{Title: "Call back", Due: "2026-12-03", Status: crm.TaskNeedsAction}})
	got, err := db.Task(ctx, task.ID)
	if err != nil || got.Title != "Call back" || got.ContactID != "contact-1" {
		t.Fatalf("after the server's change: %+v, %v; want the new title and the local link kept", got, err)
	}
	if n, _ := db.PendingChanges(ctx); n != 0 {
		t.Errorf("server writes left %d journal rows", n)
	}
	// The object turns into a meeting: the task goes, a meeting takes the link.
	put("t.ics", crm.CalendarObject{Kind: crm.EntityEvent, Event: crm.EventFields{Title: "Call", Start: "2026-12-03T10:00:00", End: "2026-12-03T11:00:00"}})
	if got, _ := db.Task(ctx, task.ID); got.DeletedAt == nil {
		t.Error("the task whose object became a meeting is still live")
	}
	evs, err := db.EventsByUID(ctx, "uid-t.ics")
	if err != nil || len(evs) != 1 || evs[0].StartUTC.IsZero() {
		t.Fatalf("meeting from the object: %+v, %v", evs, err)
	}
	links, err := cs.Links(ctx, colls[0].ID)
	if err != nil || len(links) != 1 || links[0].ItemID != evs[0].ID {
		t.Errorf("links %+v, %v", links, err)
	}
	// Without a local calendar for the collection nothing is applied.
	if err := cs.ApplyRemote(ctx, "no-such-collection", []crm.RemoteItem{{Href: "x"}}, nil); err == nil {
		t.Error("ApplyRemote into a collection without a calendar succeeded")
	}
}

// The inbox holds conflicts on contacts, meetings and tasks alike; the
// outbox names meetings and tasks by their titles.
func TestInboxAndOutboxCoverMeetingsAndTasks(t *testing.T) {
	db, clock := openTestDB(t)
	ctx := context.Background()
	cal := mustDefaultCalendar(t, db)
	c := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ann"})
	e := mustCreateEvent(t, db, newEvent(clock, cal.ID, "Budget", utc("2026-12-01T10:00:00Z")))
	task := newTask(clock, cal.ID, "Call Ann", "2026-12-02")
	if err := db.CreateTask(ctx, task); err != nil {
		t.Fatal(err)
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, cf := range []crm.Conflict{
		{ID: "c1", Entity: crm.EntityContact, ItemID: c.ID, Field: "title", Base: `""`, Mine: `"a"`, Theirs: `"b"`, CreatedAt: clock.Now()},
		{ID: "c2", Entity: crm.EntityEvent, ItemID: e.ID, Field: "title", Base: `""`, Mine: `"a"`, Theirs: `"b"`, CreatedAt: clock.Now()},
		{ID: "c3", Entity: crm.EntityTask, ItemID: task.ID, Field: "status", Base: `{}`, Mine: `{}`, Theirs: `{}`, CreatedAt: clock.Now()},
	} {
		put := putCalendarConflict
		if cf.Entity == crm.EntityContact {
			put = putConflict
		}
		if err := put(ctx, tx, cf); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	all, err := db.Conflicts(ctx)
	if err != nil || len(all) != 3 {
		t.Fatalf("conflicts %+v, %v", all, err)
	}
	var kinds []string
	for _, cf := range all {
		kinds = append(kinds, cf.Entity+":"+cf.ItemID)
	}
	if want := []string{"contact:" + c.ID, "event:" + e.ID, "task:" + task.ID}; !slices.Equal(kinds, want) {
		t.Errorf("inbox %v; want %v (oldest first)", kinds, want)
	}
	if one, err := db.Conflict(ctx, "c2"); err != nil || one.Entity != crm.EntityEvent || one.ItemID != e.ID {
		t.Errorf("Conflict(c2) = %+v, %v", one, err)
	}
	if n, err := db.CountConflicts(ctx); err != nil || n != 3 {
		t.Errorf("CountConflicts = %d, %v", n, err)
	}
	out, err := db.OutboxEntries(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]string{}
	for _, o := range out {
		titles[o.Entity] = o.Title
	}
	if titles[crm.EntityEvent] != "Budget" || titles[crm.EntityTask] != "Call Ann" || titles[crm.EntityContact] != "Ann" {
		t.Errorf("outbox titles %v", titles)
	}
}
