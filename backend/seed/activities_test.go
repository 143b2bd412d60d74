package seed

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"fieldbook/backend/activities"
	"fieldbook/backend/crm"
	"fieldbook/backend/store"
)

// seededActivities seeds 30 contacts (at most 180 activities: one page) and their activities into a new
// temp-file database and returns the global timeline as comparable rows.
func seededActivities(t *testing.T, seed uint64) (rows []string, kinds map[crm.ActivityKind]int, owners map[string]int, n int) {
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
		people = append(people, Person{ContactID: c.ID, Name: c.DisplayName()})
	}
	loc, _ := time.LoadLocation("Asia/Dhaka")
	today := time.Date(2026, 6, 10, 14, 0, 0, 0, loc)
	svc := activities.New(db, clock)
	n, err = PopulateActivities(ctx, svc, people, []string{"o1", "o2"}, today, seed)
	if err != nil {
		t.Fatal(err)
	}
	tl, err := svc.Timeline(ctx, crm.TimelineQuery{Limit: activities.MaxPage})
	if err != nil {
		t.Fatal(err)
	}
	if len(tl.Items) != n || n > 30*MaxActivitiesPerPerson {
		t.Fatalf("timeline has %d of %d activities", len(tl.Items), n)
	}
	kinds, owners = map[crm.ActivityKind]int{}, map[string]int{}
	for _, v := range tl.Items {
		if v.OccurredAt.After(today) || v.OccurredAt.Before(today.AddDate(-1, 0, -1)) {
			t.Errorf("%s at %v is outside the last 12 months before %v", v.Subject, v.OccurredAt, today)
		}
		if v.CompanyID == "" && v.CompanyName != "" {
			t.Errorf("%+v: company not filled", v)
		}
		kinds[v.Kind]++
		owners[v.OwnerID]++
		rows = append(rows, v.OccurredAt.Format(time.RFC3339)+"|"+string(v.Kind)+"|"+v.Subject+"|"+v.Outcome+"|"+v.ContactName)
	}
	return rows, kinds, owners, n
}

func TestPopulateActivitiesIsDeterministicAndVaried(t *testing.T) {
	a, kinds, owners, n := seededActivities(t, 7)
	b, _, _, _ := seededActivities(t, 7)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave different activities")
	}
	if c, _, _, _ := seededActivities(t, 8); reflect.DeepEqual(a, c) {
		t.Fatal("another seed gave the same activities")
	}
	if n < 30 {
		t.Fatalf("only %d activities for 30 people", n)
	}
	for _, k := range []crm.ActivityKind{crm.ActivityCall, crm.ActivityEmail, crm.ActivityVisit, crm.ActivityNote} {
		if kinds[k] == 0 {
			t.Errorf("no %s among %v", k, kinds)
		}
	}
	if owners["o1"] == 0 || owners["o2"] == 0 || owners[""] != 0 {
		t.Errorf("owners %v", owners)
	}
}
