package seed

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fieldbook/backend/cases"
	"fieldbook/backend/crm"
	"fieldbook/backend/feedback"
	"fieldbook/backend/store"
)

// seededCare seeds 20 contacts and the care data into a new temp-file
// database on 2026-06-10 and returns a fingerprint of what was stored.
func seededCare(t *testing.T) (sum CareSummary, fps []string, fbs []crm.Feedback, all []crm.Case, now time.Time) {
	t.Helper()
	ctx := context.Background()
	clock := &stepClock{t: time.Date(2026, 6, 10, 8, 0, 0, 0, time.UTC)}
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "care.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := Populate(ctx, db, clock, 20, 3, nil); err != nil {
		t.Fatal(err)
	}
	page, err := db.ListContacts(ctx, 0, 20)
	if err != nil {
		t.Fatal(err)
	}
	var people []Person
	for _, c := range page.Items {
		people = append(people, Person{ContactID: c.ID, Name: c.DisplayName()})
	}
	now = clock.Now()
	if sum, err = PopulateCare(ctx, feedback.New(db, clock), cases.New(db, clock), people, now, 7); err != nil {
		t.Fatal(err)
	}
	if fbs, err = db.FeedbackBetween(ctx, time.Time{}, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	cp, err := db.ListCases(ctx, crm.CaseQuery{Sort: crm.CaseSortOpened})
	if err != nil {
		t.Fatal(err)
	}
	all = cp.Items
	names := map[string]string{}
	for _, p := range people {
		names[p.ContactID] = p.Name
	}
	for _, f := range fbs {
		fps = append(fps, fmt.Sprintf("%s %s %d %s %s", names[f.ContactID], f.Kind, f.Score, f.ReceivedAt.Format(time.RFC3339), f.Comment))
	}
	for _, c := range all {
		d, _ := c.ResolutionTime()
		fps = append(fps, fmt.Sprintf("%s %s %s %s %s %v", c.Number, c.Subject, names[c.ContactID], c.Status, c.OpenedAt.Format(time.RFC3339), d))
	}
	return sum, fps, fbs, all, now
}

func TestPopulateCareIsDeterministicAndUseful(t *testing.T) {
	sum, a, fbs, all, now := seededCare(t)
	_, b, _, _, _ := seededCare(t)
	if !slices.Equal(a, b) {
		t.Fatalf("same seed, different data:\n%v\n%v", a, b)
	}
	if sum.Feedback != len(fbs) || sum.Cases != len(all) || sum.Feedback < 12*6 || sum.Cases < 12*2 || sum.Resolved == 0 || sum.Resolved == sum.Cases {
		t.Fatalf("summary %+v (%d answers, %d cases)", sum, len(fbs), len(all))
	}
	// Every one of the twelve months has answers, of both kinds over the year.
	s := feedback.Summarize(fbs, time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC), now.Add(time.Minute), time.UTC)
	if len(s.Months) != 12 || s.Count != len(fbs) || s.NPS.Responses == 0 || s.CSAT.Responses == 0 {
		t.Fatalf("summary %+v", s)
	}
	for _, m := range s.Months {
		if m.NPS.Responses+m.CSAT.Responses == 0 {
			t.Errorf("no answers in %s", m.Month)
		}
	}
	// Resolution times stay within each priority's bounds; only this month's cases wait.
	for _, c := range all {
		d, ok := c.ResolutionTime()
		bounds := resolveHours[c.Priority]
		switch {
		case ok && (d < time.Duration(bounds[0])*time.Hour || d > time.Duration(bounds[1])*time.Hour):
			t.Errorf("%s (%s) took %v", c.Number, c.Priority, d)
		case !ok && c.OpenedAt.Before(time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)):
			t.Errorf("%s (%s) opened %v and still %s", c.Number, c.Priority, c.OpenedAt, c.Status)
		}
	}
	if r := cases.Resolution(all); r.Count != sum.Resolved || r.Median <= 0 {
		t.Fatalf("resolution %+v", r)
	}
}
