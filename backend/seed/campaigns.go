package seed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"time"

	"fieldbook/backend/crm"
)

// CampaignStore writes demo campaigns, their saved filters, targeted
// contacts, responses and attributed deals (backend/store).
type CampaignStore interface {
	SaveFilter(ctx context.Context, f crm.SavedFilter) error
	CreateCampaign(ctx context.Context, c crm.Campaign) error
	TargetCampaign(ctx context.Context, campaignID string, f crm.ContactFilter, at time.Time) (int, error)
	CampaignContacts(ctx context.Context, campaignID string, offset, limit int) ([]crm.CampaignContact, int, error)
	RecordCampaignResponse(ctx context.Context, campaignID, contactID, response string, respondedAt *time.Time, now time.Time) error
	ListDeals(ctx context.Context, f crm.DealFilter, sort crm.DealSort, desc bool, offset, limit int) ([]crm.DealView, int, error)
	SetDealCampaign(ctx context.Context, dealID, campaignID string) error
}

// CampaignSummary counts what PopulateCampaigns added.
type CampaignSummary struct {
	Filters, Campaigns, Targeted, Responded, Deals int
}

// demoFilters select seeded contacts by the tags seed.Populate gives them.
var demoFilters = []struct {
	name   string
	filter crm.ContactFilter
}{
	{"Trade fair 2026 visitors", crm.ContactFilter{Tags: []string{"trade-fair-2026"}}},
	{"Newsletter readers", crm.ContactFilter{Tags: []string{"newsletter"}, HasEmail: true}},
	{"Prospects", crm.ContactFilter{Tags: []string{"prospect"}}},
	{"Key accounts", crm.ContactFilter{Tags: []string{"key-account"}}},
}

// demoCampaigns: which filter each targets, its channel, cost (minor
// units), how many months before today it started and ran, the share of
// targeted contacts that responded (percent) and of deals attributed.
var demoCampaigns = []struct {
	name         string
	filter       int
	channel      crm.CampaignChannel
	cost         crm.Money
	monthsAgo    int
	days         int
	respondPct   int
	dealsPerMill int
	responses    []string
}{
	{"Trade fair Hanover", 0, crm.ChannelEvent, crm.Money{Minor: 1_250_000, Currency: "EUR"}, 8, 4, 45, 90, []string{"Visited the stand", "Booked a demo", "Asked for a quote"}},
	{"Spring newsletter", 1, crm.ChannelEmail, crm.Money{Minor: 45_000, Currency: "EUR"}, 7, 1, 18, 40, []string{"Replied", "Clicked the offer"}},
	{"LinkedIn ads Q2", 2, crm.ChannelAds, crm.Money{Minor: 600_000, Currency: "USD"}, 5, 60, 8, 50, []string{"Filled in the form"}},
	{"Key account calls", 3, crm.ChannelPhone, crm.Money{Currency: "EUR"}, 4, 30, 60, 70, []string{"Call back next month", "Interested"}},
	{"Autumn newsletter", 1, crm.ChannelEmail, crm.Money{Minor: 45_000, Currency: "EUR"}, 2, 1, 22, 40, []string{"Replied", "Unsubscribed"}},
	{"Customer day", 0, crm.ChannelEvent, crm.Money{Minor: 380_000, Currency: "GBP"}, 1, 1, 35, 60, []string{"Came", "Came with a colleague"}},
}

// PopulateCampaigns adds demo saved filters and campaigns over the last
// year (email, event, ads, phone; one without a cost), targets each from
// its filter on its start day, marks a share of the targeted contacts as
// responded within a fortnight of the start (never after today), and
// attributes a share of the deals created after the campaign started to
// it, so the ROI report has wins, losses and an undefined ROI. Owners are
// taken in turn from ownerIDs. today is now in the user's zone. The same
// seed and inputs give the same campaigns (but new IDs).
func PopulateCampaigns(ctx context.Context, st CampaignStore, ownerIDs []string, today time.Time, seed uint64) (CampaignSummary, error) {
	var sum CampaignSummary
	rng := rand.New(rand.NewPCG(seed, seed^0xca4a1))
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, today.Location())
	filters := make([]crm.SavedFilter, len(demoFilters))
	for i, f := range demoFilters {
		at := day.AddDate(-1, 0, i)
		filters[i] = crm.SavedFilter{ID: crm.NewID(at), Name: f.name, Entity: crm.EntityContactFilter, Filter: f.filter, CreatedAt: at, UpdatedAt: at}
		if err := st.SaveFilter(ctx, filters[i]); err != nil {
			return sum, fmt.Errorf("seed: saved filter %q: %w", f.name, err)
		}
		sum.Filters++
	}
	deals, _, err := st.ListDeals(ctx, crm.DealFilter{}, crm.SortDealTitle, false, 0, 100_000)
	if err != nil {
		return sum, fmt.Errorf("seed: deals: %w", err)
	}
	// IDs differ between runs: order by what the seed decided.
	sort.SliceStable(deals, func(i, j int) bool {
		a, b := deals[i], deals[j]
		if !a.CreatedAt.Equal(b.CreatedAt) {
			return a.CreatedAt.Before(b.CreatedAt)
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.Amount.Minor < b.Amount.Minor
	})
	taken := map[string]bool{}
	for i, dc := range demoCampaigns {
		start := day.AddDate(0, -dc.monthsAgo, -rng.IntN(10))
		end := start.AddDate(0, 0, dc.days-1)
		c := crm.Campaign{ID: crm.NewID(start), Version: 1, CreatedAt: start.Add(-72 * time.Hour), UpdatedAt: start.Add(-72 * time.Hour),
			CampaignFields: crm.CampaignFields{Name: dc.name, Channel: dc.channel, Cost: dc.cost,
				StartsOn: start.Format(time.DateOnly), EndsOn: end.Format(time.DateOnly), FilterID: filters[dc.filter].ID}}
		if len(ownerIDs) > 0 {
			c.OwnerID = ownerIDs[i%len(ownerIDs)]
		}
		if err := st.CreateCampaign(ctx, c); err != nil {
			return sum, fmt.Errorf("seed: campaign %q: %w", dc.name, err)
		}
		sum.Campaigns++
		n, err := st.TargetCampaign(ctx, c.ID, demoFilters[dc.filter].filter, start.Add(9*time.Hour))
		if err != nil {
			return sum, fmt.Errorf("seed: target %q: %w", dc.name, err)
		}
		sum.Targeted += n
		targeted, _, err := st.CampaignContacts(ctx, c.ID, 0, 100_000)
		if err != nil {
			return sum, fmt.Errorf("seed: contacts of %q: %w", dc.name, err)
		}
		for _, tc := range targeted {
			if rng.IntN(100) >= dc.respondPct {
				continue
			}
			at := start.Add(time.Duration(8*60+rng.IntN(14*24*60)) * time.Minute)
			if at.After(today) {
				at = today
			}
			resp := dc.responses[rng.IntN(len(dc.responses))]
			if err := st.RecordCampaignResponse(ctx, c.ID, tc.ContactID, resp, &at, at); err != nil {
				return sum, fmt.Errorf("seed: response to %q: %w", dc.name, err)
			}
			sum.Responded++
		}
		for _, d := range deals {
			if taken[d.ID] || d.CreatedAt.Before(start) || rng.IntN(1000) >= dc.dealsPerMill {
				continue
			}
			if err := st.SetDealCampaign(ctx, d.ID, c.ID); err != nil {
				return sum, fmt.Errorf("seed: attribute %q to %q: %w", d.Title, dc.name, err)
			}
			taken[d.ID] = true
			sum.Deals++
		}
	}
	return sum, nil
}
