package app

import (
	"context"
	"fmt"
	"math/big"
	"os/user"
	"time"

	"fieldbook/backend/activities"
	"fieldbook/backend/calendar"
	"fieldbook/backend/cases"
	"fieldbook/backend/crm"
	"fieldbook/backend/currencies"
	"fieldbook/backend/feedback"
	"fieldbook/backend/leads"
	"fieldbook/backend/orders"
	"fieldbook/backend/owners"
	"fieldbook/backend/recurrence"
	"fieldbook/backend/seed"
	"fieldbook/backend/store"
	"fieldbook/backend/tasks"
)

// SellingSummary counts what seedSelling added.
type SellingSummary struct {
	Owners, Rates, Activities int
	Deals                     seed.DealSummary
	Leads                     seed.LeadSummary
	Orders                    seed.OrdersSummary
	Care                      seed.CareSummary
	Campaigns                 seed.CampaignSummary
}

// demoColleagues own some of the demo records beside the local profile.
var demoColleagues = []crm.Owner{
	{Name: "Ayesha Rahman", Email: "ayesha.rahman@example.com"},
	{Name: "Jonas Weber", Email: "jonas.weber@example.com"},
}

// usdPerUnit is roughly what one unit of each demo currency was worth in US
// dollars, for demo exchange rates into any home currency.
var usdPerUnit = map[string]string{"USD": "1", "EUR": "1.08", "GBP": "1.27", "JPY": "0.0067", "BDT": "0.0084"}

// seedSelling adds the selling and service demo data around today: two
// colleagues as owners, exchange rates into the home currency (when it has
// none), deals for the first companies, leads, a year of activities with
// the first people, orders from regular buyers, feedback, cases and
// campaigns.
func seedSelling(ctx context.Context, db *store.DB, seedValue uint64, region func() string) (SellingSummary, error) {
	var sum SellingSummary
	clock := crm.SystemClock{}
	cal := calendar.New(db, clock, OSSystem())
	loc, err := cal.UserLocation(ctx)
	if err != nil {
		return sum, err
	}
	today := clock.Now().In(loc)

	own := owners.New(db, clock, SystemUserName(user.Current))
	me, err := own.Me(ctx)
	if err != nil {
		return sum, err
	}
	ownerIDs := []string{me.ID}
	for _, o := range demoColleagues {
		saved, err := own.Save(ctx, o)
		if err != nil {
			return sum, err
		}
		ownerIDs = append(ownerIDs, saved.ID)
	}
	sum.Owners = len(ownerIDs)

	if sum.Rates, err = seedRates(ctx, currencies.New(db, clock, region), today.AddDate(-1, 0, 0)); err != nil {
		return sum, err
	}

	companies, people, persons, err := demoCustomers(ctx, db)
	if err != nil {
		return sum, err
	}
	if sum.Deals, err = seed.PopulateDeals(ctx, db, companies, ownerIDs, today, seedValue); err != nil {
		return sum, fmt.Errorf("seed deals: %w", err)
	}
	if sum.Leads, err = seed.PopulateLeads(ctx, leads.New(db, clock), ownerIDs, 300, today, seedValue); err != nil {
		return sum, fmt.Errorf("seed leads: %w", err)
	}
	if sum.Activities, err = seed.PopulateActivities(ctx, activities.New(db, clock), persons, ownerIDs, today, seedValue); err != nil {
		return sum, fmt.Errorf("seed activities: %w", err)
	}
	tk := tasks.New(db, clock, cal, recurrence.Validate)
	ord := orders.New(db, clock, cal, tk)
	if sum.Orders, err = seed.PopulateOrders(ctx, ord, companies, people, today, seedValue); err != nil {
		return sum, fmt.Errorf("seed orders: %w", err)
	}
	if sum.Care, err = seed.PopulateCare(ctx, feedback.New(db, clock), cases.New(db, clock), persons, today, seedValue); err != nil {
		return sum, fmt.Errorf("seed feedback and cases: %w", err)
	}
	// Last: campaigns are attributed some of the won deals.
	if sum.Campaigns, err = seed.PopulateCampaigns(ctx, db, ownerIDs, today, seedValue); err != nil {
		return sum, fmt.Errorf("seed campaigns: %w", err)
	}
	return sum, nil
}

// seedRates stores a rate into the home currency for each demo currency,
// dated from, unless the home currency already has rates.
func seedRates(ctx context.Context, cur *currencies.Service, from time.Time) (int, error) {
	have, err := cur.Rates(ctx)
	if err != nil || len(have) > 0 {
		return 0, err
	}
	home, err := cur.Home(ctx)
	if err != nil {
		return 0, err
	}
	homeUSD, ok := new(big.Rat).SetString(usdPerUnit[home])
	if !ok {
		return 0, nil // a home currency the demo has no figure for: the user types rates
	}
	n := 0
	for code, usd := range usdPerUnit {
		if code == home {
			continue
		}
		r, _ := new(big.Rat).SetString(usd)
		rate := new(big.Rat).Quo(r, homeUSD).FloatString(6)
		if _, err := cur.SaveRate(ctx, crm.ExchangeRate{Currency: code, Date: from.Format(time.DateOnly), Rate: rate}); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// demoCustomers returns the first companies with some of their people, the
// first people as buyers on their own, and the first people with e-mail
// addresses as meeting and activity partners.
func demoCustomers(ctx context.Context, db *store.DB) (companies, people []seed.Customer, persons []seed.Person, err error) {
	page, err := db.ListCompanies(ctx, "", 0, 60)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, co := range page.Items {
		c := seed.Customer{CompanyID: co.ID, Name: co.Name}
		staff, err := db.CompanyPeople(ctx, co.ID, 0, 3)
		if err != nil {
			return nil, nil, nil, err
		}
		for _, p := range staff.Items {
			c.ContactIDs = append(c.ContactIDs, p.ID)
		}
		companies = append(companies, c)
	}
	contacts, err := db.ListContacts(ctx, 0, 200)
	if err != nil {
		return nil, nil, nil, err
	}
	for i, c := range contacts.Items {
		if i < 40 {
			people = append(people, seed.Customer{ContactID: c.ID, Name: c.DisplayName()})
		}
		if len(c.Emails) > 0 {
			persons = append(persons, seed.Person{ContactID: c.ID, Name: c.DisplayName(), Email: c.Emails[0].Value})
		}
	}
	return companies, people, persons, nil
}
