package seed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/orders"
)

// Orders makes orders (as the order use cases do: validated, with totals).
type Orders interface {
	Create(ctx context.Context, f crm.OrderFields) (orders.Item, error)
}

// OrdersSummary counts what PopulateOrders added.
type OrdersSummary struct {
	// Customers counts the customers with orders.
	Customers int
	Orders    int
	// Due counts the orders left unpaid, Overdue those of them past their
	// due date on today.
	Due, Overdue int
}

// demoProduct is a product with its price in euro cents; other currencies
// scale it (see priceIn).
type demoProduct struct {
	name  string
	cents int64
}

var demoProducts = []demoProduct{
	{"Espresso beans 1 kg", 2450}, {"Green tea 500 g", 1890}, {"Paper cups (100)", 799},
	{"Oat milk 12 × 1 l", 2199}, {"Printer paper A4 (5 reams)", 2599}, {"Toner cartridge", 6490},
	{"Cleaning kit", 1250}, {"Spare parts set", 14900}, {"Maintenance visit", 9500},
	{"Shipping boxes (25)", 1899}, {"Labels (1,000)", 1150}, {"Safety gloves (50 pairs)", 3420},
}

// demoCurrencies are the currencies demo customers buy in.
var demoCurrencies = []string{"EUR", "EUR", "EUR", "USD", "GBP", "JPY", "BDT"}

// priceIn converts a euro-cent price roughly into code's minor units.
func priceIn(cents int64, code string) int64 {
	switch code {
	case "JPY":
		return cents * 16 / 10 // ≈ ¥160 per euro, no decimals
	case "BDT":
		return cents * 130 // ≈ ৳130 per euro, in poisha
	case "GBP":
		return cents * 85 / 100
	case "USD":
		return cents * 108 / 100
	}
	return cents
}

// demoIntervals are the purchase rhythms of regular buyers, in days.
var demoIntervals = []int{14, 21, 30, 30, 45, 60, 90}

// PopulateOrders adds a sales history: regular buyers among the companies
// and a few people, each ordering on a rhythm (14 to 90 days, a few days
// either way) in one currency, with their last order placed so some are
// due to re-order within a week, some overdue and most not yet. Older
// orders are paid; recent ones are due in 30 days, and a few older ones
// were never paid (overdue payments). today is the current time in the
// user's zone; the same seed and customers give the same data relative to
// today.
func PopulateOrders(ctx context.Context, ord Orders, companies, people []Customer, today time.Time, seed uint64) (OrdersSummary, error) {
	var sum OrdersSummary
	rng := rand.New(rand.NewPCG(seed, seed^0x0dde55))
	sorted := func(cs []Customer) []Customer {
		cs = slices.Clone(cs)
		slices.SortFunc(cs, func(a, b Customer) int {
			return strings.Compare(a.Name+"\x00"+a.CompanyID+a.ContactID, b.Name+"\x00"+b.CompanyID+b.ContactID)
		})
		return cs
	}
	var buyers []Customer
	cos := sorted(companies)
	buyers = append(buyers, cos[:min(len(cos), max(3, len(cos)*2/3))]...)
	ps := sorted(people)
	buyers = append(buyers, ps[:min(len(ps), max(2, len(ps)/10))]...)
	day := func(n int) string { return today.AddDate(0, 0, n).Format(crm.LocalDateLayout) }
	for _, c := range buyers {
		interval := pick(rng, demoIntervals)
		code := pick(rng, demoCurrencies)
		// Where the customer stands today: last order `since` days ago.
		// since > interval → re-order overdue; interval-7 ≤ since ≤
		// interval → due soon; else not yet.
		since := rng.IntN(interval + interval/2)
		count := 3 + rng.IntN(6)
		at := -since
		var dates []int
		for range count {
			dates = append(dates, at)
			at -= interval + rng.IntN(7) - 3
		}
		slices.Reverse(dates)
		for _, d := range dates {
			f := crm.OrderFields{CompanyID: c.CompanyID, ContactID: c.ContactID, OrderDate: day(d), Currency: code}
			for range 1 + rng.IntN(3) {
				p := pick(rng, demoProducts)
				f.Lines = append(f.Lines, crm.OrderLine{Product: p.name, Quantity: int64(1 + rng.IntN(12)),
					UnitPrice: crm.Money{Minor: priceIn(p.cents, code), Currency: code}})
			}
			f.DueDate = day(d + 30)
			switch {
			case d+30 >= 0 || rng.IntN(10) == 0: // not due yet, or never paid
				f.PaymentStatus = crm.PaymentDue
				sum.Due++
				if d+30 < 0 {
					sum.Overdue++
				}
			default:
				f.PaymentStatus, f.PaidAt = crm.PaymentPaid, day(min(d+5+rng.IntN(30), 0))
			}
			if _, err := ord.Create(ctx, f); err != nil {
				return sum, fmt.Errorf("seed: order for %s on %s: %w", c.Name, f.OrderDate, err)
			}
			sum.Orders++
		}
		sum.Customers++
	}
	return sum, nil
}
