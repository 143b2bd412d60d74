package seed

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/deals"
	"fieldbook/backend/store"
)

// seededDeals seeds 40 contacts and the demo deals into a new temp-file
// database on 2026-06-10 in Europe/Berlin and returns one line per deal
// (without IDs) and what the checks need.
func seededDeals(t *testing.T) (lines []string, all []crm.DealView, histories map[string][]crm.StageVisit, sum DealSummary, today time.Time) {
	t.Helper()
	ctx := context.Background()
	clock := &stepClock{t: time.Date(2026, 6, 10, 8, 0, 0, 0, time.UTC)}
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "seed.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := Populate(ctx, db, clock, 40, 5, nil); err != nil {
		t.Fatal(err)
	}
	cos, err := db.ListCompanies(ctx, "", 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	var customers []Customer
	for _, co := range cos.Items {
		people, err := db.CompanyPeople(ctx, co.ID, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		c := Customer{CompanyID: co.ID, Name: co.Name}
		for _, p := range people.Items {
			c.ContactIDs = append(c.ContactIDs, p.ID)
		}
		customers = append(customers, c)
	}
	if len(customers) == 0 {
		t.Fatal("the seeded contacts have no companies")
	}
	owners := []string{"owner-a", "owner-b"}
	loc, _ := time.LoadLocation("Europe/Berlin")
	today = clock.Now().In(loc)
	if sum, err = PopulateDeals(ctx, db, customers, owners, today, 7); err != nil {
		t.Fatal(err)
	}
	var total int
	if all, total, err = db.ListDeals(ctx, crm.DealFilter{}, crm.SortDealTitle, false, 0, 1000); err != nil || total != DemoDeals {
		t.Fatalf("%d deals, %v", total, err)
	}
	company := map[string]string{}
	for _, c := range customers {
		company[c.CompanyID] = c.Name
	}
	histories = map[string][]crm.StageVisit{}
	for _, d := range all {
		h, err := db.DealHistory(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		histories[d.ID] = h
		line := fmt.Sprintf("%s|%s|%s|%d %s|%s|%s|%s|%s|%d contacts", d.Title, d.StageName, d.Status, d.Amount.Minor, d.Amount.Currency,
			d.ExpectedClose, d.OwnerID, company[d.CompanyID], d.CloseReason, len(d.ContactIDs))
		for _, v := range h {
			line += "|" + v.Status + "@" + v.EnteredAt.Format(time.RFC3339)
		}
		lines = append(lines, line)
	}
	slices.Sort(lines)
	return lines, all, histories, sum, today
}

func TestPopulateDealsIsDeterministicAndSpreadOverAYear(t *testing.T) {
	a, all, histories, sum, today := seededDeals(t)
	b, _, _, _, _ := seededDeals(t)
	if !slices.Equal(a, b) {
		for i := range a {
			if a[i] != b[i] {
				t.Fatalf("same seed, different deals: first difference\n%s\n%s", a[i], b[i])
			}
		}
	}
	if sum.Open+sum.Won+sum.Lost != DemoDeals || sum.Open < DemoDeals/2 || sum.Won < DemoDeals/6 || sum.Lost < DemoDeals/12 {
		t.Fatalf("summary = %+v", sum)
	}
	currencies := map[string]int{}
	stages := map[string]int{}
	owners := map[string]int{}
	var oldest time.Time
	var won, cycles, thisMonth int
	for _, d := range all {
		currencies[d.Amount.Currency]++
		owners[d.OwnerID]++
		if d.Status == crm.DealOpen {
			stages[d.StageName]++
			if d.ExpectedClose < today.Format(time.DateOnly) {
				t.Errorf("open deal %q expected to close in the past: %s", d.Title, d.ExpectedClose)
			}
			if d.ExpectedClose[:7] == today.Format("2006-01") {
				thisMonth++
			}
		} else if d.ClosedAt == nil || d.CloseReason == "" || d.ClosedAt.After(today) {
			t.Errorf("closed deal %q: closed at %v, reason %q", d.Title, d.ClosedAt, d.CloseReason)
		}
		if d.CompanyID == "" || len(d.ContactIDs) != 1 {
			t.Errorf("deal %q has company %q and %d contacts", d.Title, d.CompanyID, len(d.ContactIDs))
		}
		h := histories[d.ID]
		for i, v := range h {
			if v.EnteredAt.After(today) || (i > 0 && v.EnteredAt.Before(h[i-1].EnteredAt)) {
				t.Errorf("deal %q: visit %d at %s (today %s, before %v)", d.Title, i, v.EnteredAt, today, h)
			}
		}
		if oldest.IsZero() || h[0].EnteredAt.Before(oldest) {
			oldest = h[0].EnteredAt
		}
		if d.Status == crm.DealWon {
			won++
			if days, ok := deals.CycleDays(h, today.Location()); ok && days > 0 {
				cycles++
			}
		}
	}
	for _, c := range []string{"EUR", "USD", "JPY", "GBP"} {
		if currencies[c] < DemoDeals/10 {
			t.Errorf("only %d deals in %s", currencies[c], c)
		}
	}
	if len(stages) != 4 || len(owners) != 2 {
		t.Errorf("open deals by stage %v, deals by owner %v", stages, owners)
	}
	if age := today.Sub(oldest); age < 300*24*time.Hour || age > 366*24*time.Hour {
		t.Errorf("the oldest deal is %v old; want most of a year", age)
	}
	if cycles != won {
		t.Errorf("%d of %d won deals have a cycle length", cycles, won)
	}
	// About one open deal in five closes before the month is out, so the
	// dashboard's "this month" forecast is not empty on any day.
	if open := sum.Open; thisMonth < open/10 || thisMonth > open/2 {
		t.Errorf("%d of %d open deals close this month (%s)", thisMonth, open, today.Format("2006-01"))
	}
}
