package search

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/store"
)

// TestSearcherOverTheStore runs the whole search on a temp-file database:
// every kind is found, a title match beats a notes match of another kind,
// FTS syntax is text, and the per-kind cap holds.
func TestSearcherOverTheStore(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	id := func() string { at = at.Add(time.Second); return crm.NewID(at) }
	for _, f := range []crm.ContactFields{
		{GivenName: "Harbour", FamilyName: "Master", Notes: "runs the port"},
		{GivenName: "Ines", FamilyName: "Pérez", Notes: "Harbour tours on Fridays", Phones: []crm.LabeledValue{{Value: "+34 600 123 456"}}},
		{GivenName: "রহিম", FamilyName: "আহমেদ", Company: "Padma Traders"},
	} {
		if err := db.CreateContact(ctx, crm.Contact{ID: id(), ContactFields: f, Version: 1, CreatedAt: at, UpdatedAt: at}); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.CreateCompany(ctx, crm.Company{ID: id(), Version: 1, CreatedAt: at, UpdatedAt: at,
		CompanyFields: crm.CompanyFields{Name: "Harbourside Foods", Notes: "NEAR( the docks"}}); err != nil {
		t.Fatal(err)
	}
	cal, err := db.EnsureDefaultCalendar(ctx, "Calendar", "#3B82F6")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	end := start.Add(time.Hour)
	ev := crm.Event{ID: id(), CalendarID: cal.ID, UID: "u1@test", Version: 1, CreatedAt: at, UpdatedAt: at,
		EventFields: crm.EventFields{Title: "Visit to the harbour", Location: "Pier 4", Start: start.Format(crm.LocalDateTimeLayout),
			End: end.Format(crm.LocalDateTimeLayout), TimeZone: "UTC", Busy: crm.BusyBusy, Status: "confirmed"},
		StartUTC: start, EndUTC: end, SeriesEndUTC: &end}
	if err := db.CreateEvent(ctx, ev); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateTask(ctx, crm.Task{ID: id(), CalendarID: cal.ID, UID: "t1@test", Version: 1, CreatedAt: at, UpdatedAt: at,
		TaskFields: crm.TaskFields{Title: "Book the harbour tour", Due: "2026-11-25", Status: crm.TaskNeedsAction}}); err != nil {
		t.Fatal(err)
	}

	var sources []Source
	for _, k := range []string{"contact", "company", "event", "task"} {
		sources = append(sources, NewIndexSource(db, k))
	}
	s := New(fixed(at.Add(time.Hour)), sources, WithPerKind(5))
	hits, err := s.Search(ctx, "harbour", 20)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]string, len(hits))
	for i, h := range hits {
		got[i] = h.Kind + ":" + h.Title
	}
	// Titles starting with the word first, then titles holding it, then
	// Ines, whose notes only mention it.
	want := []string{"contact:Harbour Master", "company:Harbourside Foods", "task:Book the harbour tour", "event:Visit to the harbour", "contact:Ines Pérez"}
	if !slices.Equal(got[:2], want[:2]) || !slices.Contains(got[2:4], want[2]) || !slices.Contains(got[2:4], want[3]) || got[4] != want[4] || len(got) != 5 {
		t.Errorf("harbour → %q", got)
	}
	if ines := hits[4]; ines.Snippet != "Harbour tours on Fridays" {
		t.Errorf("Ines's snippet = %q", ines.Snippet)
	}
	if ev := hits[slices.Index(got, "event:Visit to the harbour")]; ev.Subtitle != "Pier 4" || ev.Extra == "" {
		t.Errorf("meeting hit = %+v", ev)
	}

	for text, want := range map[string]string{"NEAR(": "company:Harbourside Foods", "600123": "contact:Ines Pérez", "রহি": "contact:রহিম আহমেদ",
		"padma": "company:Padma Traders" /* made from the contact's company */, "perez": "contact:Ines Pérez", "pier": "event:Visit to the harbour"} {
		hits, err := s.Search(ctx, text, 10)
		if err != nil || len(hits) == 0 || hits[0].Kind+":"+hits[0].Title != want {
			t.Errorf("%q → %+v, %v; want %s first", text, hits, err, want)
		}
	}
	if hits, _ := New(fixed(at), sources, WithPerKind(1)).Search(ctx, "harbour", 20); len(hits) != 4 {
		t.Errorf("per kind 1: %d hits, want one of each kind", len(hits))
	}
}
