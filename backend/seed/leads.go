package seed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/leads"
)

// Leads makes and converts leads (as the leads use cases do: validated,
// scored, converted in one transaction).
type Leads interface {
	Create(ctx context.Context, f crm.LeadFields) (crm.Lead, error)
	Convert(ctx context.Context, id string, baseVersion int, opt leads.ConvertOptions) (crm.ConversionResult, error)
}

// LeadSummary counts what PopulateLeads added.
type LeadSummary struct {
	Leads, Converted, Deals int
}

// Weighted choices for demo leads: more web and referral leads than trade
// shows and cold lists, most still new or contacted.
var (
	leadSources  = []string{crm.SourceWeb, crm.SourceWeb, crm.SourceWeb, crm.SourceReferral, crm.SourceReferral, crm.SourceTradeShow, crm.SourceColdList, crm.SourcePartner, crm.SourceOther}
	leadStatuses = []crm.LeadStatus{crm.LeadNew, crm.LeadNew, crm.LeadNew, crm.LeadContacted, crm.LeadContacted, crm.LeadQualified, crm.LeadUnqualified}
	leadSizes    = []string{"", "1-10", "11-50", "11-50", "51-200", "51-200", "201-500", "501-1000", "1001-5000"}
	industries   = []string{"", "Retail", "Manufacturing", "Logistics", "Software", "Healthcare", "Hospitality", "Construction", "Education"}
	leadNotes    = []string{"", "", "Asked for a price list.", "Downloaded the brochure.", "Met at the stand; wants a demo.",
		"Referred by an existing customer.", "Budget approved for next quarter."}
	leadDealCurrencies = []string{"EUR", "EUR", "USD", "GBP", "JPY", "BDT"}
)

// PopulateLeads adds n demo leads made from gen-like people (names,
// companies, titles and e-mails from a Generator seeded with seed), owned
// in turn by owners ("" when none), and converts about one qualified lead
// in three into a contact and company, half of those with a deal in the
// default pipeline. today dates the notes. The result depends only on the
// arguments.
func PopulateLeads(ctx context.Context, svc Leads, owners []string, n int, today time.Time, seed uint64) (LeadSummary, error) {
	var sum LeadSummary
	gen := NewGenerator(seed)
	r := rand.New(rand.NewPCG(seed^0x5eed1ead, seed))
	for i := range n {
		c := gen.Contact()
		f := crm.LeadFields{
			Name:        strings.TrimSpace(c.GivenName + " " + c.FamilyName),
			CompanyName: c.Company,
			Title:       c.Title,
			Source:      pick(r, leadSources),
			Status:      pick(r, leadStatuses),
			Industry:    pick(r, industries),
			CompanySize: pick(r, leadSizes),
			Notes:       pick(r, leadNotes),
		}
		if len(c.Emails) > 0 && r.IntN(8) != 0 {
			f.Email = c.Emails[0].Value
		}
		if len(c.Phones) > 0 {
			f.Phone = c.Phones[0].Value
		}
		if len(c.Addresses) > 0 {
			f.Country = c.Addresses[0].Country
		}
		if f.Notes != "" {
			f.Notes += fmt.Sprintf("\nFirst contact: %s", today.AddDate(0, 0, -r.IntN(120)).Format("2006-01-02"))
		}
		if len(owners) > 0 {
			f.OwnerID = owners[i%len(owners)]
		}
		l, err := svc.Create(ctx, f)
		if err != nil {
			return sum, fmt.Errorf("seed: lead %d: %w", i, err)
		}
		sum.Leads++
		if l.Status != crm.LeadQualified || r.IntN(3) != 0 {
			continue
		}
		opt := leads.ConvertOptions{CreateCompany: true}
		if r.IntN(2) == 0 {
			code := pick(r, leadDealCurrencies)
			amount := fmt.Sprint((5 + r.IntN(200)) * 500)
			if code == "JPY" || code == "BDT" {
				amount = fmt.Sprint((5 + r.IntN(200)) * 50_000)
			}
			opt.CreateDeal, opt.Amount, opt.Currency = true, amount, code
		}
		res, err := svc.Convert(ctx, l.ID, l.Version, opt)
		if err != nil {
			return sum, fmt.Errorf("seed: convert lead %d: %w", i, err)
		}
		sum.Converted++
		if res.DealID != "" {
			sum.Deals++
		}
	}
	return sum, nil
}
