package app

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/orders"
)

func TestOrdersServiceRoundTripEventsAndReorderTask(t *testing.T) {
	ev := &recorder{}
	s := openServicesWith(t, filepath.Join(t.TempDir(), "s.db"), ev)
	co, err := s.Companies.Create(CompanyInput{Name: "Kobe Tea"})
	if err != nil {
		t.Fatal(err)
	}
	ev.take()
	// The services run on the real clock: dates relative to today (the
	// machine's zone, the test database's user zone).
	day := func(n int) string { return time.Now().AddDate(0, 0, n).Format(crm.LocalDateLayout) }

	// Amounts cross as text; a bad one names its line.
	_, err = s.Orders.Create(OrderInput{CompanyID: co.ID, OrderDate: day(-90), Currency: "JPY",
		Lines: []OrderLineInput{{Product: "Sencha", Quantity: 2, UnitPrice: "1.5"}}})
	if e, ok := err.(*crm.Error); !ok || e.Code != crm.CodeAmountInvalid || e.Field != "lines.0.unitPrice" {
		t.Fatalf("¥1.5: %v", err)
	}
	first, err := s.Orders.Create(OrderInput{CompanyID: co.ID, OrderDate: day(-90), Currency: "jpy",
		Lines: []OrderLineInput{{Product: "Sencha", Quantity: 3, UnitPrice: "1,234"}, {Product: "Cups", Quantity: 7, UnitPrice: "99"}}})
	if err != nil {
		t.Fatal(err)
	}
	if first.Total.Minor != 4395 || first.Total.Text != "¥4,395" || first.Lines[0].Total.Text != "¥3,702" || first.State != "due" {
		t.Fatalf("created %+v", first)
	}
	if got := ev.take(); !slices.Equal(got, []string{EventOrdersChanged}) {
		t.Fatalf("events after one order: %v", got)
	}
	if _, err := s.Orders.Create(OrderInput{CompanyID: co.ID, OrderDate: day(-60), Currency: "EUR", PaymentStatus: "paid",
		Lines: []OrderLineInput{{Product: "Tin", Quantity: 12, UnitPrice: "19.99"}}}); err != nil {
		t.Fatal(err)
	}
	ev.take()
	// Every 30 days, the third order puts the next one at today: due soon,
	// so a re-order task is made at once and announced.
	third, err := s.Orders.Create(OrderInput{CompanyID: co.ID, OrderDate: day(-30), DueDate: day(-1), Currency: "EUR",
		Lines: []OrderLineInput{{Product: "Tin", Quantity: 1, UnitPrice: "19.99"}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := ev.take(); !slices.Contains(got, EventTasksChanged) || !slices.Contains(got, EventOrdersChanged) {
		t.Fatalf("events after the third order: %v", got)
	}
	if third.State != "overdue" || third.DaysOverdue != 1 {
		t.Fatalf("due yesterday: %s %d", third.State, third.DaysOverdue)
	}
	section, err := s.Orders.ForCompany(co.ID)
	if err != nil || section.Total != 3 || section.Items[0].ID != third.ID {
		t.Fatalf("company section %+v %v", section, err)
	}
	if f := section.Frequency; !f.HasMedian || f.MedianDays != 30 || f.NextExpected != day(0) || f.Status != "due soon" {
		t.Fatalf("frequency %+v", f)
	}
	freqs, err := s.Orders.Frequencies(FrequencyQuery{Query: "kobe"})
	if err != nil || len(freqs) != 1 || freqs[0].TaskID == "" {
		t.Fatalf("frequencies %+v %v", freqs, err)
	}
	task, err := s.Tasks.Tasks(TaskQuery{List: "all"})
	if err != nil || len(task) != 1 || task[0].Title != "Re-order due: Kobe Tea" || task[0].CompanyID != co.ID || task[0].ID != freqs[0].TaskID {
		t.Fatalf("tasks %+v %v", task, err)
	}
	if n, err := s.Orders.CheckReorders(); err != nil || n != 0 {
		t.Fatalf("manual check made %d more: %v", n, err)
	}

	// Only the order with a due date in the past is overdue (the first has none).
	overdue, err := s.Orders.Overdue()
	if err != nil || len(overdue) != 1 || overdue[0].ID != third.ID || len(overdue[0].Lines) != 1 {
		t.Fatalf("overdue %+v %v", overdue, err)
	}
	paid, err := s.Orders.MarkPaid(third.ID, third.Version, "")
	if err != nil || paid.State != "paid" || paid.PaidAt != day(0) || !slices.Contains(ev.take(), EventOrdersChanged) {
		t.Fatalf("mark paid %+v %v", paid, err)
	}
	if err := s.Orders.Delete(first.ID, first.Version); err != nil {
		t.Fatal(err)
	}
	if back, err := s.Orders.Restore(first.ID); err != nil || back.Deleted || back.Version != 3 {
		t.Fatalf("restore %+v %v", back, err)
	}
	p, err := s.Orders.Preview(OrderInput{Currency: "EUR", Lines: []OrderLineInput{{Product: "A", Quantity: 3, UnitPrice: "0.10"}, {Quantity: 1, UnitPrice: "x"}}})
	if err != nil || p.Total.Text != "€0.30" || p.Lines[0] == nil || p.Lines[1] != nil {
		t.Fatalf("preview %+v %v", p, err)
	}
}

func TestReorderTaskWordsFollowTheUILanguage(t *testing.T) {
	lang := "en"
	title, notes := reorderTitle(func() string { return lang }), reorderNotes(func() string { return lang })
	c := orders.CustomerFrequency{Name: "Regular Foods", Frequency: orders.Frequency{Orders: 4, HasMedian: true, MedianDays: 30,
		LastOrder: "2026-10-28", NextExpected: "2026-11-27"}}
	if got := title(c.Name); got != "Re-order due: Regular Foods" {
		t.Errorf("English title %q", got)
	}
	if got := notes(c); got != "Orders about every 30 days (4 orders). Last order 2026-10-28; next expected 2026-11-27." {
		t.Errorf("English notes %q", got)
	}
	lang = "bn"
	if got := title(c.Name); got != "পুনরায় অর্ডারের সময়: Regular Foods" {
		t.Errorf("Bengali title %q", got)
	}
	if got := notes(c); !strings.Contains(got, "প্রতি 30 দিনে") || !strings.Contains(got, "2026-11-27") {
		t.Errorf("Bengali notes %q", got)
	}
}
