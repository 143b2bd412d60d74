package reports

import (
	"reflect"
	"testing"

	"fieldbook/backend/crm"
)

// orderData adds orders to sellingData's deals: customers A, B, D are
// companies, C and E contacts (home EUR, 1 USD = 0.5 EUR, no GBP rate).
func orderData(t *testing.T) *fixture {
	f := sellingData(t)
	co := crm.Company{ID: "co-d", Version: 1, CreatedAt: f.now, UpdatedAt: f.now, CompanyFields: crm.CompanyFields{Name: "Delta Ltd"}}
	if err := f.db.CreateCompany(f.ctx, co); err != nil {
		t.Fatal(err)
	}
	add := func(company, contact, date, cur string, minor int64, status, due string, deleted bool) {
		t.Helper()
		o := crm.Order{ID: f.id(), Version: 1, CreatedAt: f.now, UpdatedAt: f.now, Total: crm.Money{Minor: minor, Currency: cur},
			OrderFields: crm.OrderFields{CompanyID: company, ContactID: contact, OrderDate: date, Currency: cur, PaymentStatus: status, DueDate: due}}
		o, err := f.db.CreateOrder(f.ctx, o)
		if err != nil {
			t.Fatal(err)
		}
		if deleted {
			if err := f.db.DeleteOrder(f.ctx, o.ID, o.Version, f.now); err != nil {
				t.Fatal(err)
			}
		}
	}
	paid, due := crm.PaymentPaid, crm.PaymentDue
	add("co-a", "", "2025-08-10", "EUR", 7000, paid, "", false)
	add("co-a", "", "2026-02-05", "EUR", 10000, due, "2026-07-01", false) // due, not yet overdue
	add("co-b", "", "2025-09-01", "EUR", 7000, paid, "", false)
	add("co-b", "", "2026-04-01", "EUR", 9900, paid, "", true) // deleted
	add("", "ct-c", "2025-12-31", "EUR", 7000, paid, "", false)
	add("", "ct-c", "2026-06-30", "USD", 5000, paid, "", false)
	add("co-d", "", "2026-03-10", "EUR", 2000, due, "2026-04-10", false) // overdue since April 10
	add("", "ct-e", "2025-07-03", "EUR", 7000, paid, "", false)          // the day before the previous period
	add("", "ct-e", "2026-01-15", "GBP", 1000, paid, "", false)          // no GBP rate
	return f
}

func TestRevenue(t *testing.T) {
	f := orderData(t)
	r := f.run("revenue", Filters{Range: half})
	// Orders: Jan the GBP one (no rate: counted, amount left out), Feb
	// 100.00, Mar 20.00, Jun 50 USD = 25.00 (April's is deleted). Won deals
	// as in TestForecast.
	check(t, "revenue", raws(r), [][]string{
		{"2026-01", "1", "0.00", "0.00"},
		{"2026-02", "1", "100.00", "300.00"},
		{"2026-03", "1", "20.00", "200.00"},
		{"2026-04", "0", "0.00", "100.00"},
		{"2026-05", "0", "0.00", "0.00"},
		{"2026-06", "1", "25.00", "0.00"},
		{"TOTAL", "4", "145.00", "600.00"},
	})
	if !reflect.DeepEqual(r.MissingRates, []string{"GBP"}) {
		t.Errorf("missing %v", r.MissingRates)
	}
	// Weeks start on Monday: 2026-02-05 is a Thursday, in the week of Feb 2.
	w := f.run("revenue", Filters{Range: Range{From: "2026-02-01", To: "2026-02-10"}, Period: "week"})
	check(t, "weeks", raws(w), [][]string{
		{"2026-01-26", "0", "0.00", "0.00"},
		{"2026-02-02", "1", "100.00", "0.00"},
		{"2026-02-09", "0", "0.00", "0.00"},
		{"TOTAL", "1", "100.00", "0.00"},
	})
}

func TestRetention(t *testing.T) {
	f := orderData(t)
	r := f.run("retention", Filters{Range: half})
	// The range has 181 days; the previous period is 2025-07-04..2025-12-31.
	// Previous customers: A, B, C (E's order is a day earlier). Current: A,
	// C, D, E (B's order is deleted). Both: A and C: 2 of 3.
	check(t, "retention", raws(r), [][]string{
		{"previous", "2025-07-04", "2025-12-31", "3", "2", ""},
		{"current", "2026-01-01", "2026-06-30", "4", "2", "0.6667"},
	})
	if c := r.Extra["rate"]; c.Num != 2 || c.Den != 3 {
		t.Errorf("rate %d/%d", c.Num, c.Den)
	}
}

func TestDashboardOverduePayments(t *testing.T) {
	f := orderData(t)
	d, err := f.svc.Dashboard(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Today is 2026-06-15: only Delta's order (due April 10) is overdue, by
	// 20 + 31 + 15 = 66 days.
	if len(d.OverduePayments) != 1 {
		t.Fatalf("overdue %+v", d.OverduePayments)
	}
	p := d.OverduePayments[0]
	if p.CustomerName != "Delta Ltd" || p.CompanyID != "co-d" || p.DaysOverdue != 66 || p.Amount != (crm.Money{Minor: 2000, Currency: "EUR"}) || p.DueDate != "2026-04-10" {
		t.Errorf("overdue payment %+v", p)
	}
}
