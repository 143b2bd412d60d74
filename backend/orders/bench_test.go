package orders

import (
	"fmt"
	"testing"

	"fieldbook/backend/crm"
)

// BenchmarkOrders reads the order views over 20,000 orders of 2,000
// customers (companies, ten orders each on a 10-to-60-day rhythm, a tenth
// unpaid), after a first re-order check made their tasks.
func BenchmarkOrders(b *testing.B) {
	fx := newFixture(b)
	for c := range 2_000 {
		co := fx.company(b, fmt.Sprintf("Customer %04d", c))
		gap := 10 + c%51
		for i := range 10 {
			d := "2026-11-20"
			if back := (9 - i) * gap; back > 0 {
				d = addDays("2026-11-20", -back-c%gap)
			}
			f := crm.OrderFields{CompanyID: co, OrderDate: d, Currency: "EUR", PaymentStatus: crm.PaymentPaid,
				Lines: []crm.OrderLine{line("Beans", int64(1+i), 2450), line("Cups", 2, 799)}}
			if (c+i)%10 == 0 {
				f.PaymentStatus, f.DueDate = crm.PaymentDue, addDays(d, 30)
			}
			total, err := computeLines(&f)
			if err != nil {
				b.Fatal(err)
			}
			now := fx.clock.Now()
			// Straight to the store: the set-up is not what is measured.
			if _, err := fx.db.CreateOrder(fx.ctx, crm.Order{ID: crm.NewID(now), OrderFields: f, Total: total, Version: 1, CreatedAt: now, UpdatedAt: now}); err != nil {
				b.Fatal(err)
			}
		}
	}
	first, err := fx.svc.CheckReorders(fx.ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(first.Made)), "reorder-tasks")
	b.Run("list-first-100", func(b *testing.B) {
		for b.Loop() {
			if _, err := fx.svc.List(fx.ctx, crm.OrderListQuery{Limit: 100}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("list-overdue-filter-100", func(b *testing.B) {
		for b.Loop() {
			if _, err := fx.svc.List(fx.ctx, crm.OrderListQuery{Status: crm.PaymentOverdue, Limit: 100}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("overdue-payments", func(b *testing.B) {
		var n int
		for b.Loop() {
			items, err := fx.svc.Overdue(fx.ctx)
			if err != nil {
				b.Fatal(err)
			}
			n = len(items)
		}
		b.ReportMetric(float64(n), "orders")
	})
	b.Run("frequencies", func(b *testing.B) {
		for b.Loop() {
			if _, err := fx.svc.Frequencies(fx.ctx, ""); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("reorder-check-nothing-new", func(b *testing.B) {
		for b.Loop() {
			if c, err := fx.svc.CheckReorders(fx.ctx); err != nil || c.Changed() {
				b.Fatal(c, err)
			}
		}
	})
	b.Run("customer-section", func(b *testing.B) {
		page, _ := fx.svc.List(fx.ctx, crm.OrderListQuery{Limit: 1})
		co := page.Items[0].CompanyID
		for b.Loop() {
			if _, err := fx.svc.List(fx.ctx, crm.OrderListQuery{CompanyID: co, Limit: 50}); err != nil {
				b.Fatal(err)
			}
			if _, _, err := fx.svc.FrequencyOf(fx.ctx, co, ""); err != nil {
				b.Fatal(err)
			}
		}
	})
}
