package store

import (
	"context"
	"slices"
	"testing"

	"fieldbook/backend/crm"
)

func newOrder(clock crm.Clock, f crm.OrderFields, total int64) crm.Order {
	now := clock.Now()
	return crm.Order{ID: crm.NewID(now), OrderFields: f, Total: crm.Money{Minor: total, Currency: f.Currency}, Version: 1, CreatedAt: now, UpdatedAt: now}
}

func TestOrdersRoundTripListAndDates(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	lines := []crm.OrderLine{
		{Product: "Sencha", Quantity: 3, UnitPrice: crm.Money{Minor: 1234, Currency: "JPY"}, Total: crm.Money{Minor: 3702, Currency: "JPY"}},
		{Product: "Cups", Quantity: 7, UnitPrice: crm.Money{Minor: 99, Currency: "JPY"}, Total: crm.Money{Minor: 693, Currency: "JPY"}},
	}
	a, err := db.CreateOrder(ctx, newOrder(clock, crm.OrderFields{CompanyID: "co1", ContactID: "p1", OrderDate: "2026-10-01", Currency: "JPY",
		Lines: lines, PaymentStatus: crm.PaymentDue, DueDate: "2026-10-31"}, 4395))
	if err != nil {
		t.Fatal(err)
	}
	if a.Number != "2026-0001" || !slices.Equal(a.Lines, lines) || a.Total.Minor != 4395 || a.CustomerKey() != "company:co1" {
		t.Fatalf("read back %+v", a)
	}
	one := []crm.OrderLine{{Product: "X", Quantity: 1, UnitPrice: crm.Money{Minor: 500, Currency: "EUR"}, Total: crm.Money{Minor: 500, Currency: "EUR"}}}
	b, err := db.CreateOrder(ctx, newOrder(clock, crm.OrderFields{ContactID: "p1", OrderDate: "2026-11-01", Currency: "EUR", Lines: one, PaymentStatus: crm.PaymentPaid, PaidAt: "2026-11-02"}, 500))
	if err != nil || b.Number != "2026-0002" {
		t.Fatalf("second: %+v %v", b, err)
	}
	c, err := db.CreateOrder(ctx, newOrder(clock, crm.OrderFields{ContactID: "p1", OrderDate: "2026-11-20", Currency: "EUR", Lines: one, PaymentStatus: crm.PaymentDue}, 500))
	if err != nil {
		t.Fatal(err)
	}

	page, err := db.ListOrders(ctx, crm.OrderListQuery{ContactID: "p1", Today: "2026-11-23", Limit: 2})
	if err != nil || page.Total != 3 || len(page.Orders) != 2 || page.Orders[0].ID != c.ID || page.Orders[1].ID != b.ID {
		t.Fatalf("newest first, window of 2: %+v %v", page, err)
	}
	for status, want := range map[string][]string{crm.PaymentOverdue: {a.ID}, crm.PaymentDue: {c.ID}, crm.PaymentPaid: {b.ID}} {
		page, err := db.ListOrders(ctx, crm.OrderListQuery{Status: status, Today: "2026-11-23", Limit: 10})
		var ids []string
		for _, o := range page.Orders {
			ids = append(ids, o.ID)
		}
		if err != nil || !slices.Equal(ids, want) {
			t.Errorf("%s: %v %v", status, ids, err)
		}
	}
	if _, err := db.ListOrders(ctx, crm.OrderListQuery{Status: "late", Limit: 1}); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Fatalf("bad status: %v", err)
	}
	overdue, err := db.OverdueOrders(ctx, "2026-11-23")
	if err != nil || len(overdue) != 1 || overdue[0].ID != a.ID {
		t.Fatalf("overdue %+v %v", overdue, err)
	}
	groups, err := db.CustomerOrderDates(ctx, "")
	if err != nil || len(groups) != 2 {
		t.Fatalf("groups %+v %v", groups, err)
	}
	if g := groups[0]; g.Key != "company:co1" || g.CompanyID != "co1" || !slices.Equal(g.Dates, []string{"2026-10-01"}) {
		t.Fatalf("company group %+v", g)
	}
	if g := groups[1]; g.Key != "contact:p1" || g.ContactID != "p1" || !slices.Equal(g.Dates, []string{"2026-11-01", "2026-11-20"}) {
		t.Fatalf("contact group %+v", g)
	}
	dates, err := db.OrderDates(ctx, "", "p1")
	if err != nil || !slices.Equal(dates, []string{"2026-10-01", "2026-11-01", "2026-11-20"}) {
		t.Fatalf("every order naming the contact: %v %v", dates, err)
	}

	// Update replaces the lines; a stale version is refused; delete and restore.
	next := a
	next.Lines, next.Total, next.Version = one, crm.Money{Minor: 500, Currency: "JPY"}, 2
	next.Lines[0].UnitPrice.Currency, next.Lines[0].Total.Currency = "JPY", "JPY"
	if err := db.UpdateOrder(ctx, next, 1); err != nil {
		t.Fatal(err)
	}
	if err := db.UpdateOrder(ctx, next, 1); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale: %v", err)
	}
	got, _ := db.GetOrder(ctx, a.ID)
	if len(got.Lines) != 1 || got.Version != 2 || got.Total.Minor != 500 {
		t.Fatalf("after update %+v", got)
	}
	if err := db.DeleteOrder(ctx, a.ID, 2, clock.Now()); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteOrder(ctx, a.ID, 3, clock.Now()); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("delete twice: %v", err)
	}
	if page, _ := db.ListOrders(ctx, crm.OrderListQuery{Limit: 10}); page.Total != 2 {
		t.Fatalf("a deleted order is listed: %d", page.Total)
	}
	// Its number stays taken by the year's counter, and free for a live order.
	d, err := db.CreateOrder(ctx, newOrder(clock, crm.OrderFields{ContactID: "p2", OrderDate: "2026-12-01", Currency: "EUR", Lines: one, PaymentStatus: crm.PaymentDue}, 500))
	if err != nil || d.Number != "2026-0004" {
		t.Fatalf("next number: %+v %v", d.Number, err)
	}
	d.Number, d.Version = "2026-0001", 2
	if err := db.UpdateOrder(ctx, d, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RestoreOrder(ctx, a.ID, clock.Now()); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Fatalf("restore onto a taken number: %v", err)
	}
}

func TestReorderRemindersAreKeptOncePerDate(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	if _, ok, err := db.ReorderTask(ctx, "company:a", "2026-12-01"); ok || err != nil {
		t.Fatalf("none yet: %v %v", ok, err)
	}
	if err := db.SaveReorderTask(ctx, crm.ReorderReminder{CustomerKey: "company:a", ExpectedDate: "2026-12-01", LastOrder: "2026-11-01", TaskID: "t1"}, clock.Now()); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveReorderTask(ctx, crm.ReorderReminder{CustomerKey: "company:a", ExpectedDate: "2026-12-01", LastOrder: "2026-11-01", TaskID: "t2"}, clock.Now()); err != nil {
		t.Fatal(err)
	}
	if id, ok, err := db.ReorderTask(ctx, "company:a", "2026-12-01"); !ok || err != nil || id != "t1" {
		t.Fatalf("kept %q %v %v", id, ok, err)
	}
	if err := db.SaveReorderTask(ctx, crm.ReorderReminder{CustomerKey: "company:a", ExpectedDate: "2027-01-01", LastOrder: "2026-12-02", TaskID: "t3"}, clock.Now()); err != nil {
		t.Fatal(err)
	}
	latest, err := db.ReorderTasks(ctx)
	if err != nil || len(latest) != 1 || latest["company:a"] != "t3" {
		t.Fatalf("latest %v %v", latest, err)
	}
	if err := db.SettleReorder(ctx, "company:a", "2026-12-01", clock.Now()); err != nil {
		t.Fatal(err)
	}
	open, err := db.UnsettledReorders(ctx)
	if err != nil || len(open) != 1 || open[0] != (crm.ReorderReminder{CustomerKey: "company:a", ExpectedDate: "2027-01-01", LastOrder: "2026-12-02", TaskID: "t3"}) {
		t.Fatalf("unsettled %+v %v", open, err)
	}
}
