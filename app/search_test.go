package app

import (
	"path/filepath"
	"testing"
)

func TestSearchServiceFindsEveryKindWithItsArea(t *testing.T) {
	s := openServices(t, filepath.Join(t.TempDir(), "s.db"))
	c, err := s.Contacts.Create(ContactInput{GivenName: "Oskar", FamilyName: "Lindqvist", Notes: "Wants the <b>tender</b> documents"})
	if err != nil {
		t.Fatal(err)
	}
	co, err := s.Companies.Create(CompanyInput{Name: "Tenderloin Foods"})
	if err != nil {
		t.Fatal(err)
	}
	e, err := s.Calendar.CreateEvent(EventInput{Title: "Tender opening", Start: "2026-12-01T10:00:00", End: "2026-12-01T11:00:00", TimeZone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	tk, err := s.Tasks.CreateTask(TaskInput{Title: "Price the tender", Due: "2026-11-30"})
	if err != nil {
		t.Fatal(err)
	}
	hits, err := s.Search.Search("tender", 0)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]SearchHit{}
	for _, h := range hits {
		got[h.Kind] = h
	}
	if len(hits) != 4 || got["contact"].ID != c.ID || got["company"].ID != co.ID || got["event"].ID != e.ID || got["task"].ID != tk.ID {
		t.Fatalf("hits = %+v", hits)
	}
	for kind, area := range map[string]string{"contact": "contacts", "company": "companies", "event": "calendar", "task": "tasks"} {
		if got[kind].Area != area {
			t.Errorf("%s area = %q, want %q", kind, got[kind].Area, area)
		}
	}
	// The contact matched in the notes only: it ranks last and shows the
	// notes as plain text, markup and all.
	if hits[3].Kind != "contact" || hits[3].Snippet != "Wants the <b>tender</b> documents" {
		t.Errorf("last hit = %+v", hits[3])
	}
	if got["event"].Extra != "2026-12-01T09:00:00.000Z" || got["task"].Extra != "2026-11-30" {
		t.Errorf("extras: event %q, task %q", got["event"].Extra, got["task"].Extra)
	}
	if hits, err := s.Search.Search(`"tender* ^(`, 2); err != nil || len(hits) != 2 {
		t.Errorf("FTS syntax as text, limit 2: %+v, %v", hits, err)
	}
	if hits, err := s.Search.Search("   ", 10); err != nil || len(hits) != 0 {
		t.Errorf("blank: %+v, %v", hits, err)
	}
}

func TestSearchServiceFindsLeadsAndCasesInTheirAreas(t *testing.T) {
	s := openServices(t, filepath.Join(t.TempDir(), "s.db"))
	lead, err := s.Leads.Create(LeadInput{Name: "Quentin Marsh", CompanyName: "Marshland Farms", Email: "q@marsh.example"})
	if err != nil {
		t.Fatal(err)
	}
	kase, err := s.Cases.Open(CaseInput{Subject: "Marsh pump leaking", Priority: "high", Status: "open"})
	if err != nil {
		t.Fatal(err)
	}
	hits, err := s.Search.Search("marsh", 10)
	if err != nil {
		t.Fatal(err)
	}
	byKind := map[string]SearchHit{}
	for _, h := range hits {
		byKind[h.Kind] = h
	}
	if l := byKind["lead"]; l.ID != lead.ID || l.Area != "leads" || l.OpenID != lead.ID || l.Extra != "q@marsh.example" {
		t.Errorf("lead hit = %+v (all: %+v)", l, hits)
	}
	if c := byKind["case"]; c.ID != kase.ID || c.Area != "cases" || c.Subtitle != kase.Number {
		t.Errorf("case hit = %+v", c)
	}
	// The case's subject starts with the word, the lead's name only holds
	// it: the case ranks first.
	if len(hits) != 2 || hits[0].Kind != "case" {
		t.Errorf("order = %+v", hits)
	}
}
