package syncer_test

import (
	"context"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/store"
	"fieldbook/sync/caldav"
	"fieldbook/sync/davtest"
	"fieldbook/sync/engine"
	"fieldbook/sync/syncer"
)

// withCalendars is a syncer over db that syncs calendars, reading floating
// times in Berlin.
func withCalendars(db *store.DB, secrets syncer.Secrets) *syncer.Syncer {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	return syncer.New(syncer.Config{Store: db, Secrets: secrets,
		Calendars: func(t caldav.Times) engine.Store[crm.CalendarObject] { return db.CalendarSync(t) },
		UserZone:  func(context.Context) (*time.Location, error) { return berlin, nil }})
}

// A server with calendars and no address book is an account; its calendar
// syncs into a local calendar named and coloured as on the server, with
// floating times read in the user's zone.
func TestCalendarOnlyServerSyncsIntoALocalCalendar(t *testing.T) {
	srv := davtest.NewCalDAV(t)
	srv.Put("a.ics", []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\n"+
		"DTSTART:20260302T090000\r\nDTEND:20260302T100000\r\nSUMMARY:Floating\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))
	_, db, vault := newSyncer(t)
	s := withCalendars(db, vault)
	ctx := context.Background()
	in := syncer.NewAccount{URL: srv.URL(), Username: davtest.Username, Password: davtest.Password}
	found, err := s.Discover(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(found.AddressBooks) != 0 || len(found.Calendars) != 1 || found.Calendars[0].Color != davtest.CalendarColor {
		t.Fatalf("found %+v", found)
	}
	a, err := s.AddAccount(ctx, in, nil, found.Calendars, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Collections) != 1 || !a.Collections[0].IsCalendar() || a.Collections[0].Default {
		t.Fatalf("collections %+v", a.Collections)
	}
	out, err := s.SyncAll(ctx, "")
	if err != nil || out.Err() != nil || out.Result.Applied != 1 {
		t.Fatalf("sync: %+v, %v", out, err)
	}
	cals, err := db.Calendars(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cals) != 1 || cals[0].Name != davtest.CalendarName || cals[0].Color != davtest.CalendarColor || cals[0].CollectionID != a.Collections[0].ID {
		t.Fatalf("local calendars %+v", cals)
	}
	evs, err := db.EventsByUID(ctx, "a")
	if err != nil || len(evs) != 1 {
		t.Fatalf("events %+v, %v", evs, err)
	}
	if got := evs[0].StartUTC.Format(time.RFC3339); evs[0].CalendarID != cals[0].ID || got != "2026-03-02T08:00:00Z" {
		t.Errorf("event in %s at %s; want in the synced calendar at 08:00 UTC (09:00 floating, read in Berlin)", evs[0].CalendarID, got)
	}
	// A second sync makes no second calendar.
	if _, err := s.SyncAll(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if cals, _ := db.Calendars(ctx); len(cals) != 1 {
		t.Errorf("%d calendars after the second sync", len(cals))
	}
}

// Calendars picked later (an account made before calendars synced) are
// added once.
func TestAddCalendarsLater(t *testing.T) {
	srv := davtest.NewCalDAV(t)
	_, db, vault := newSyncer(t)
	s := withCalendars(db, vault)
	ctx := context.Background()
	now := time.Now()
	a := crm.Account{ID: crm.NewID(now), Name: "older", URL: srv.URL() + "/", Username: davtest.Username, CreatedAt: now}
	if err := db.CreateAccount(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := vault.Set(a.ID, davtest.Password); err != nil {
		t.Fatal(err)
	}
	found, err := s.DiscoverCalendars(ctx, a.ID)
	if err != nil || len(found) != 1 || found[0].Path != davtest.CalendarPath {
		t.Fatalf("DiscoverCalendars = %+v, %v", found, err)
	}
	for range 2 {
		if err := s.AddCalendars(ctx, a.ID, found); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.Account(ctx, a.ID)
	if err != nil || len(got.Collections) != 1 || got.Collections[0].Href != davtest.CalendarPath || !got.Collections[0].Enabled ||
		got.Collections[0].Color != davtest.CalendarColor {
		t.Fatalf("collections after adding the calendar twice: %+v, %v", got.Collections, err)
	}
}
