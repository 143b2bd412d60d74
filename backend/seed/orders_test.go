package seed

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fieldbook/backend/calendar"
	"fieldbook/backend/crm"
	"fieldbook/backend/orders"
	"fieldbook/backend/recurrence"
	"fieldbook/backend/store"
	"fieldbook/backend/tasks"
)

// seededOrders seeds 60 contacts (and their companies) and the demo sales
// history into a new temp-file database on 2026-06-10 in Europe/Berlin.
func seededOrders(t *testing.T) (rows []string, sum OrdersSummary, freqs []orders.CustomerFrequency, overdue []orders.Item, check orders.Check) {
	t.Helper()
	ctx := context.Background()
	clock := &stepClock{t: time.Date(2026, 6, 10, 8, 0, 0, 0, time.UTC)}
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "seed.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := Populate(ctx, db, clock, 60, 5, nil); err != nil {
		t.Fatal(err)
	}
	var companies, people []Customer
	cp, err := db.ListCompanies(ctx, "", 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cp.Items {
		companies = append(companies, Customer{CompanyID: c.ID, Name: c.Name})
	}
	pp, err := db.ListContacts(ctx, 0, 60)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range pp.Items {
		people = append(people, Customer{ContactID: c.ID, Name: c.DisplayName()})
	}
	sys := calendar.System{Getenv: func(string) string { return "Europe/Berlin" },
		Readlink: func(string) (string, error) { return "", errors.New("none") },
		ReadFile: func(string) ([]byte, error) { return nil, errors.New("none") }}
	cal := calendar.New(db, clock, sys)
	tk := tasks.New(db, clock, cal, recurrence.Validate)
	svc := orders.New(db, clock, cal, tk)
	loc, _ := time.LoadLocation("Europe/Berlin")
	if sum, err = PopulateOrders(ctx, svc, companies, people, clock.Now().In(loc), 7); err != nil {
		t.Fatal(err)
	}
	page, err := svc.List(ctx, crm.OrderListQuery{Limit: orders.MaxPage})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != sum.Orders {
		t.Fatalf("%d orders stored, %d reported", page.Total, sum.Orders)
	}
	for _, it := range page.Items {
		rows = append(rows, fmt.Sprintf("%s %s %s%s %s %d %s %s", it.Number, it.OrderDate, it.CompanyName, it.ContactName, it.State, it.Total.Minor, it.Total.Currency, it.PaidAt))
	}
	if freqs, err = svc.Frequencies(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if overdue, err = svc.Overdue(ctx); err != nil {
		t.Fatal(err)
	}
	if check, err = svc.CheckReorders(ctx); err != nil {
		t.Fatal(err)
	}
	return rows, sum, freqs, overdue, check
}

func TestPopulateOrdersIsDeterministicAndUseful(t *testing.T) {
	a, sum, freqs, overdue, check := seededOrders(t)
	b, _, _, _, _ := seededOrders(t)
	if !slices.Equal(a, b) {
		t.Fatalf("same seed, different orders:\n%v\n%v", a, b)
	}
	// Every buyer has at least three orders.
	if sum.Customers < 5 || sum.Orders < 3*sum.Customers || len(overdue) != sum.Overdue || sum.Overdue == 0 || sum.Due <= sum.Overdue {
		t.Fatalf("summary %+v, %d overdue payments listed", sum, len(overdue))
	}
	status := map[string]int{}
	for _, f := range freqs {
		status[f.Status]++
		if !f.HasMedian || f.MedianDays < 11 || f.MedianDays > 93 {
			t.Errorf("%s: median %d (%v)", f.Name, f.MedianDays, f.HasMedian)
		}
	}
	if status[orders.ReorderOverdue] == 0 || status[orders.ReorderDueSoon] == 0 || status[orders.ReorderOK] == 0 {
		t.Fatalf("re-order states %v; want some of each", status)
	}
	if len(check.Made) != status[orders.ReorderOverdue]+status[orders.ReorderDueSoon] {
		t.Fatalf("re-order tasks made %d for states %v", len(check.Made), status)
	}
}
