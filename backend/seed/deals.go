package seed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"fieldbook/backend/crm"
)

// DealStore writes demo deals with their own dates, so the stage history
// spreads over the past year (the deals use case would stamp them now).
type DealStore interface {
	Pipelines(ctx context.Context) ([]crm.Pipeline, error)
	CreateDeal(ctx context.Context, d crm.Deal) error
	UpdateDeal(ctx context.Context, d crm.Deal) error
}

// Customer is who demo deals and orders are for: a company with some of
// its people (ContactIDs), or one person buying alone (ContactID).
type Customer struct {
	CompanyID  string
	ContactID  string
	Name       string
	ContactIDs []string
}

// DealSummary counts what PopulateDeals added.
type DealSummary struct {
	Open, Won, Lost int
}

// DemoDeals is how many deals PopulateDeals adds.
const DemoDeals = 300

var (
	dealProducts = []string{"Annual licence", "Pilot", "Support renewal", "Fleet upgrade", "Training days", "Consulting",
		"Hardware refresh", "Expansion", "Onboarding package", "Maintenance contract"}
	wonReasons  = []string{"Best price", "Good demo", "Existing relationship", "Fast delivery", "Features"}
	lostReasons = []string{"Price too high", "Went with a competitor", "No budget", "Project cancelled", "No decision"}
	// dealCurrencies with the range of amounts (in major units) a deal has.
	dealCurrencies = []struct {
		code     string
		min, max int
		digits   int
	}{
		{"EUR", 800, 120_000, 2}, {"USD", 1_000, 150_000, 2}, {"JPY", 100_000, 15_000_000, 0}, {"GBP", 700, 90_000, 2},
	}
)

// PopulateDeals adds DemoDeals deals to the first pipeline: most open
// across its stages, some won and some lost with a reason, created over
// the last 12 months with a stage history whose dates move forward to
// today at the latest; amounts in EUR, USD, JPY and GBP; owners taken in
// turn from ownerIDs (none: no owner); customers and their people linked.
// today is now in the user's zone. The same seed and inputs give the same
// deals (but new IDs).
func PopulateDeals(ctx context.Context, st DealStore, customers []Customer, ownerIDs []string, today time.Time, seed uint64) (DealSummary, error) {
	var sum DealSummary
	ps, err := st.Pipelines(ctx)
	if err != nil {
		return sum, fmt.Errorf("seed: pipelines: %w", err)
	}
	if len(ps) == 0 || len(ps[0].Stages) == 0 {
		return sum, fmt.Errorf("seed: there is no pipeline with stages")
	}
	p := ps[0]
	rng := rand.New(rand.NewPCG(seed, seed^0xdea15))
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, today.Location())
	at := func(t time.Time) time.Time { // a working hour on day t
		return t.Add(time.Duration(8*60+rng.IntN(9*60)) * time.Minute)
	}
	for i := range DemoDeals {
		cur := dealCurrencies[rng.IntN(len(dealCurrencies))]
		major := cur.min + rng.IntN(cur.max-cur.min)
		minor := int64(major)
		if cur.digits == 2 {
			minor = int64(major)*100 + int64(rng.IntN(4))*25 // .00, .25, .50, .75
		}
		product := dealProducts[rng.IntN(len(dealProducts))]
		d := crm.Deal{Version: 1, DealFields: crm.DealFields{
			Title: product, PipelineID: p.ID, StageID: p.Stages[0].ID, Status: crm.DealOpen,
			Amount: crm.Money{Minor: minor, Currency: cur.code},
		}}
		if len(customers) > 0 {
			c := customers[rng.IntN(len(customers))]
			d.Title = c.Name + " – " + product
			d.CompanyID = c.CompanyID
			if len(c.ContactIDs) > 0 {
				d.ContactIDs = []string{c.ContactIDs[rng.IntN(len(c.ContactIDs))]}
			}
		}
		if len(ownerIDs) > 0 {
			d.OwnerID = ownerIDs[i%len(ownerIDs)]
		}
		if rng.IntN(8) == 0 {
			pr := 5 * rng.IntN(21)
			d.Probability = &pr
		}
		// The fate of the deal: open (60%), won (25%) or lost (15%), and
		// the stage it gets to.
		status := crm.DealOpen
		switch r := rng.IntN(100); {
		case r >= 85:
			status = crm.DealLost
		case r >= 60:
			status = crm.DealWon
		}
		last := rng.IntN(len(p.Stages))
		if status == crm.DealWon {
			last = len(p.Stages) - 1 - rng.IntN(min(2, len(p.Stages)))
		}
		// Stage visits of 3..30 days each; closed deals start far enough back.
		steps := make([]int, last+1)
		span := 0
		for j := range steps {
			steps[j] = 3 + rng.IntN(28)
			span += steps[j]
		}
		ago := rng.IntN(365)
		if status == crm.DealOpen {
			ago = min(ago, 240)
		}
		ago = min(max(ago, span-steps[last]+1, 1), 365)
		created := at(day.AddDate(0, 0, -ago))
		d.ID, d.CreatedAt, d.UpdatedAt = crm.NewID(created), created, created
		if status == crm.DealOpen {
			d.ExpectedClose = expectedClose(rng, day)
		}
		if err := st.CreateDeal(ctx, d); err != nil {
			return sum, fmt.Errorf("seed: deal %q: %w", d.Title, err)
		}
		when := created
		step := func(change func(*crm.Deal)) error {
			change(&d)
			d.Version++
			d.UpdatedAt = when
			return st.UpdateDeal(ctx, d)
		}
		for j := 1; j <= last; j++ {
			next := when.Add(time.Duration(steps[j-1]) * 24 * time.Hour)
			if !next.Before(today) {
				break // the history never passes today
			}
			when = next
			stage := p.Stages[j].ID
			if err := step(func(d *crm.Deal) { d.StageID = stage }); err != nil {
				return sum, fmt.Errorf("seed: move deal %q: %w", d.Title, err)
			}
		}
		switch status {
		case crm.DealOpen:
			sum.Open++
			continue
		case crm.DealWon:
			sum.Won++
		case crm.DealLost:
			sum.Lost++
		}
		closed := when.Add(time.Duration(steps[last]) * 24 * time.Hour)
		if !closed.Before(today) {
			closed = when.Add(time.Hour)
		}
		if closed.After(today) {
			closed = today
		}
		when = closed
		reason := wonReasons[rng.IntN(len(wonReasons))]
		if status == crm.DealLost {
			reason = lostReasons[rng.IntN(len(lostReasons))]
		}
		if err := step(func(d *crm.Deal) {
			d.Status, d.CloseReason, d.ClosedAt = status, reason, &closed
			d.ExpectedClose = closed.Format(time.DateOnly)
		}); err != nil {
			return sum, fmt.Errorf("seed: close deal %q: %w", d.Title, err)
		}
	}
	return sum, nil
}

// expectedClose picks an open deal's expected close: one in five before
// the month is out (from today to its last day, so "this month's
// forecast" has deals on any day of the month), the others one week to
// five months ahead.
func expectedClose(rng *rand.Rand, day time.Time) string {
	if rng.IntN(5) == 0 {
		last := time.Date(day.Year(), day.Month()+1, 0, 0, 0, 0, 0, day.Location()).Day()
		return day.AddDate(0, 0, rng.IntN(last-day.Day()+1)).Format(time.DateOnly)
	}
	return day.AddDate(0, 0, 7+rng.IntN(150)).Format(time.DateOnly)
}
