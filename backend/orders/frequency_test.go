package orders

import (
	"testing"

	"fieldbook/backend/crm"
)

func TestPurchaseFrequencyMedianInterval(t *testing.T) {
	cases := []struct {
		name   string
		dates  []string
		median int
		has    bool
		last   string
		next   string
	}{
		{"no orders", nil, 0, false, "", ""},
		{"one order has no rhythm", []string{"2026-03-01"}, 0, false, "2026-03-01", ""},
		// Gaps 10, 30, 14 → sorted 10, 14, 30 → median 14.
		{"odd number of intervals", []string{"2026-01-01", "2026-01-11", "2026-02-10", "2026-02-24"}, 14, true, "2026-02-24", "2026-03-10"},
		// Gaps 10, 15 → (10 + 15) / 2 = 12.5 → 13 (half up).
		{"even number of intervals rounds half up", []string{"2026-01-01", "2026-01-11", "2026-01-26"}, 13, true, "2026-01-26", "2026-02-08"},
		// Gaps 7, 7, 9, 21 → middle 7 and 9 → 8.
		{"even, exact mean", []string{"2026-05-01", "2026-05-08", "2026-05-15", "2026-05-24", "2026-06-14"}, 8, true, "2026-06-14", "2026-06-22"},
		// Two orders on 2026-01-11 are one purchase: gaps 10, 20 → 15, not 0 and 10 → 5.
		{"same-day orders are one purchase", []string{"2026-01-01", "2026-01-11", "2026-01-11", "2026-01-31"}, 15, true, "2026-01-31", "2026-02-15"},
		{"only same-day orders", []string{"2026-04-04", "2026-04-04"}, 0, false, "2026-04-04", ""},
		// Unsorted input; a gap across the end of February in a leap year:
		// 2028-02-20 → 2028-03-05 is 14 days (29 February counted), → 2028-03-19 is 14.
		{"unsorted, leap year", []string{"2028-03-19", "2028-02-20", "2028-03-05"}, 14, true, "2028-03-19", "2028-04-02"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := PurchaseFrequency(c.dates)
			if err != nil {
				t.Fatal(err)
			}
			if f.Orders != len(c.dates) || f.HasMedian != c.has || f.MedianDays != c.median || f.LastOrder != c.last || f.NextExpected != c.next {
				t.Fatalf("got %+v, want median %d (%v), last %s, next %s", f, c.median, c.has, c.last, c.next)
			}
		})
	}
}

func TestPurchaseFrequencyRefusesABadDate(t *testing.T) {
	if _, err := PurchaseFrequency([]string{"2026-01-01", "2026-13-01"}); err == nil {
		t.Fatal("a month 13 was read as a date")
	}
}

func TestFrequencyStatus(t *testing.T) {
	f := Frequency{HasMedian: true, MedianDays: 30, LastOrder: "2026-10-20", NextExpected: "2026-11-19"}
	cases := []struct {
		today string
		lead  int
		want  string
	}{
		{"2026-11-20", 7, ReorderOverdue},
		{"2026-11-19", 7, ReorderDueSoon}, // expected today
		{"2026-11-12", 7, ReorderDueSoon}, // exactly the lead away
		{"2026-11-11", 7, ReorderOK},
		{"2026-11-19", 0, ReorderDueSoon},
		{"2026-11-18", 0, ReorderOK},
	}
	for _, c := range cases {
		if got := f.Status(c.today, c.lead); got != c.want {
			t.Errorf("today %s lead %d: %q, want %q", c.today, c.lead, got, c.want)
		}
	}
	if got := (Frequency{LastOrder: "2026-10-20"}).Status("2026-11-20", 7); got != "" {
		t.Errorf("no expected date: %q", got)
	}
}

func TestPreviewLinesSumsTheValidLines(t *testing.T) {
	p, err := PreviewLines("eur", []crm.OrderLine{
		{Product: "A", Quantity: 3, UnitPrice: crm.Money{Minor: 10}},
		{Product: "", Quantity: 2, UnitPrice: crm.Money{Minor: 1999}},
		{Product: "C", Quantity: 0, UnitPrice: crm.Money{Minor: 500}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != (crm.Money{Minor: 4028, Currency: "EUR"}) || p.Lines[0].Minor != 30 || p.Lines[1].Minor != 3998 || p.Lines[2] != nil {
		t.Fatalf("preview %+v", p)
	}
	if _, err := PreviewLines("XYZ1", nil); crm.ErrorCode(err) != crm.CodeCurrencyInvalid {
		t.Fatalf("bad currency: %v", err)
	}
}
