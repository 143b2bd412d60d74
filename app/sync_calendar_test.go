package app

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fieldbook/backend/calendar"
	"fieldbook/backend/crm"
	"fieldbook/backend/eventcard"
	"fieldbook/backend/store"
	"fieldbook/sync/caldav"
	"fieldbook/sync/davtest"
	"fieldbook/sync/engine"
)

// A meeting whose title changed on both sides is in the conflict inbox
// with its kind and title; keeping both keeps mine, notes the server's
// title and uploads both fields.
func TestConflictInboxShowsAndResolvesAMeeting(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ev := &recorder{}
	s := NewServices(ctx, db, Config{Version: "test", DefaultLanguage: "en", Clock: crm.SystemClock{}, Events: ev,
		System: calendar.System{Getenv: func(string) string { return "UTC" }}})

	srv := davtest.NewCalDAV(t)
	now := time.Now()
	coll := crm.Collection{ID: crm.NewID(now), Href: davtest.CalendarPath, Name: "Work", Enabled: true, Kind: crm.CollectionCalendar}
	if err := db.CreateAccount(ctx, crm.Account{ID: crm.NewID(now), Name: "srv", URL: srv.URL(), CreatedAt: now, Collections: []crm.Collection{coll}}); err != nil {
		t.Fatal(err)
	}
	local, err := db.EnsureCollectionCalendar(ctx, coll)
	if err != nil {
		t.Fatal(err)
	}
	client, err := caldav.New(ctx, caldav.Config{URL: srv.URL(), Username: davtest.Username, Password: davtest.Password})
	if err != nil {
		t.Fatal(err)
	}
	eng := engine.New(caldav.Schema(), db.CalendarSync(caldav.Times{}), caldav.Codec{})
	sync := func() {
		t.Helper()
		if _, err := eng.Sync(ctx, coll, client.Remote(davtest.CalendarPath)); err != nil {
			t.Fatal(err)
		}
	}
	cal := calendar.New(db, crm.SystemClock{}, calendar.System{Getenv: func(string) string { return "UTC" }})
	m, err := cal.Create(ctx, local.ID, crm.EventFields{Title: "Budget", Start: "2026-05-04T13:00:00", End: "2026-05-04T14:00:00", TimeZone: "Europe/London"})
	if err != nil {
		t.Fatal(err)
	}
	sync()
	for href, o := range srv.Objects() {
		srv.Put(href, []byte(strings.Replace(string(o.Data), "SUMMARY:Budget", "SUMMARY:Budget 2027", 1)))
	}
	if _, err := cal.Update(ctx, calendar.Edit{ID: m.ID, Version: m.Version, Fields: withTitle(m.EventFields, "Budget review")}); err != nil {
		t.Fatal(err)
	}
	sync()

	cs, err := s.Sync.Conflicts()
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 || cs[0].Entity != "event" || cs[0].ItemID != m.ID || cs[0].Title != "Budget review" || cs[0].Field != "title" ||
		cs[0].ContactID != "" || cs[0].Theirs != `"Budget 2027"` {
		t.Fatalf("inbox %+v", cs)
	}
	ev.take()
	if err := s.Sync.ResolveConflict(cs[0].ID, crm.ResolveBoth); err != nil {
		t.Fatal(err)
	}
	got, err := db.Event(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Budget review" || !strings.Contains(got.Notes, "Title on the server: Budget 2027") || got.StartUTC.IsZero() {
		t.Fatalf("after keeping both: %+v", got.EventFields)
	}
	if n, _ := db.CountConflicts(ctx); n != 0 {
		t.Errorf("%d conflicts left", n)
	}
	journal, err := db.JournalFor(ctx, crm.EntityEvent, m.ID)
	if err != nil || len(journal) == 0 || strings.Join(journal[len(journal)-1].Fields, ",") != "title,notes" {
		t.Fatalf("journal %+v, %v; want the resolution journalled with title and notes", journal, err)
	}
	if events := ev.take(); !slices.Contains(events, EventCalendarChanged) {
		t.Errorf("events after resolving: %v", events)
	}
	sync()
	for _, o := range srv.Objects() {
		obj, _, err := eventcard.FromObject(o.Data)
		if err != nil || obj.Event.Title != "Budget review" || !strings.Contains(obj.Event.Notes, "Budget 2027") {
			t.Errorf("server copy after the upload: %+v, %v", obj.Event, err)
		}
	}
}

func withTitle(f crm.EventFields, title string) crm.EventFields {
	f.Title = title
	return f
}
