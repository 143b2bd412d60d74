package seed

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fieldbook/backend/calendar"
	"fieldbook/backend/crm"
	"fieldbook/backend/recurrence"
	"fieldbook/backend/store"
	"fieldbook/backend/tasks"
)

type stepClock struct{ t time.Time }

func (c *stepClock) Now() time.Time {
	c.t = c.t.Add(time.Millisecond)
	return c.t
}

// seededCalendar seeds 30 contacts and the demo calendar into a new
// temp-file database at 2026-06-10 10:00 in Europe/Berlin and returns
// what the services show.
func seededCalendar(t *testing.T) (occ []string, overdue, today []tasks.Item, linked int) {
	t.Helper()
	ctx := context.Background()
	clock := &stepClock{t: time.Date(2026, 6, 10, 8, 0, 0, 0, time.UTC)}
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "seed.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := Populate(ctx, db, clock, 30, 5, nil); err != nil {
		t.Fatal(err)
	}
	page, err := db.ListContacts(ctx, 0, 30)
	if err != nil {
		t.Fatal(err)
	}
	var people []Person
	for _, c := range page.Items {
		people = append(people, Person{ContactID: c.ID, Name: c.DisplayName(), Email: c.Emails[0].Value})
	}
	sys := calendar.System{Getenv: func(string) string { return "Europe/Berlin" },
		Readlink: func(string) (string, error) { return "", errors.New("none") },
		ReadFile: func(string) ([]byte, error) { return nil, errors.New("none") }}
	cal := calendar.New(db, clock, sys)
	tk := tasks.New(db, clock, cal, recurrence.Validate)
	loc, _ := time.LoadLocation("Europe/Berlin")
	sum, err := PopulateCalendar(ctx, cal, tk, people, clock.Now().In(loc), 11)
	if err != nil {
		t.Fatal(err)
	}
	if sum != (CalendarSummary{Calendars: 2, Meetings: DemoMeetings, Tasks: DemoTasks}) {
		t.Fatalf("summary = %+v", sum)
	}
	os, err := cal.Occurrences(ctx, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range os {
		occ = append(occ, o.Title+"@"+o.Start.Format(time.RFC3339))
	}
	if overdue, err = tk.List(ctx, crm.TaskListOverdue, ""); err != nil {
		t.Fatal(err)
	}
	if today, err = tk.List(ctx, crm.TaskListToday, ""); err != nil {
		t.Fatal(err)
	}
	for _, c := range page.Items {
		items, err := cal.Timeline(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(items) > 0 {
			linked++
		}
	}
	return occ, overdue, today, linked
}

func TestPopulateCalendarIsDeterministicAndUseful(t *testing.T) {
	occA, overdue, today, linked := seededCalendar(t)
	occB, _, _, _ := seededCalendar(t)
	if !slices.Equal(occA, occB) {
		t.Fatalf("same seed, different meetings:\n%v\n%v", occA, occB)
	}
	if len(occA) < 30 {
		t.Fatalf("only %d occurrences in June: %v", len(occA), occA)
	}
	if len(overdue) < 3 || len(today) < 3 {
		t.Fatalf("overdue %d, today %d; want some of each", len(overdue), len(today))
	}
	withContact := 0
	for _, it := range append(overdue, today...) {
		if it.ContactName != "" {
			withContact++
		}
	}
	if withContact == 0 || linked < 3 {
		t.Fatalf("tasks with a contact: %d, contacts with meetings on their timeline: %d", withContact, linked)
	}
}
