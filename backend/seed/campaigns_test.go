package seed

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fieldbook/backend/campaigns"
	"fieldbook/backend/crm"
	"fieldbook/backend/money"
	"fieldbook/backend/store"
)

// seededCampaigns seeds 200 contacts, the demo deals and the demo campaigns
// into a new temp-file database and returns one line per campaign (without
// IDs) and the summary.
func seededCampaigns(t *testing.T) ([]string, CampaignSummary, []crm.CampaignFigures, time.Time) {
	t.Helper()
	ctx := context.Background()
	clock := &stepClock{t: time.Date(2026, 6, 10, 8, 0, 0, 0, time.UTC)}
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "seed.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := Populate(ctx, db, clock, 200, 5, nil); err != nil {
		t.Fatal(err)
	}
	today := clock.Now()
	if _, err := PopulateDeals(ctx, db, nil, nil, today, 7); err != nil {
		t.Fatal(err)
	}
	sum, err := PopulateCampaigns(ctx, db, []string{"owner-a", "owner-b"}, today, 11)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := db.ListCampaigns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	figs, err := db.CampaignFigures(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for i, c := range cs {
		f := figs[i]
		rows, _, err := db.CampaignContacts(ctx, c.ID, 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		line := fmt.Sprintf("%s|%s|%d %s|%s..%s|%s|%d targeted|%d responded|%d deals|%d won", c.Name, c.Channel, c.Cost.Minor, c.Cost.Currency,
			c.StartsOn, c.EndsOn, c.OwnerID, f.Targeted, f.Responded, f.Deals, len(f.Won))
		for _, r := range rows {
			if r.RespondedAt != nil {
				line += "|" + r.Name + ":" + r.Response + "@" + r.RespondedAt.Format(time.RFC3339)
			}
		}
		lines = append(lines, line)
	}
	return lines, sum, figs, today
}

func TestPopulateCampaignsIsDeterministicAndUseful(t *testing.T) {
	a, sum, figs, today := seededCampaigns(t)
	b, _, _, _ := seededCampaigns(t)
	if !slices.Equal(a, b) {
		t.Fatalf("the same seed gave different campaigns:\n%v\n%v", a, b)
	}
	if sum.Campaigns != len(demoCampaigns) || sum.Filters != len(demoFilters) || len(a) != sum.Campaigns {
		t.Fatalf("summary %+v, %d campaigns listed", sum, len(a))
	}
	// Useful for the ROI report: people targeted and responding, deals won,
	// and (EUR home, rates for USD and GBP) a gain, a loss and an undefined ROI.
	conv := money.NewConverter("EUR", []crm.ExchangeRate{{Currency: "USD", Date: "2025-01-01", Rate: "0.9"},
		{Currency: "GBP", Date: "2025-01-01", Rate: "1.17"}, {Currency: "JPY", Date: "2025-01-01", Rate: "0.006"}})
	var targeted, responded, won, gains, losses, undefined int
	for _, f := range figs {
		targeted += f.Targeted
		responded += f.Responded
		won += len(f.Won)
		st, err := campaigns.ROI(f, conv)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case st.ROIBP == nil:
			undefined++
		case *st.ROIBP >= 0:
			gains++
		default:
			losses++
		}
		if f.CostDate > today.Format(time.DateOnly) {
			t.Errorf("%s starts in the future: %s", f.Name, f.CostDate)
		}
	}
	if targeted != sum.Targeted || responded != sum.Responded || targeted == 0 || responded == 0 || responded >= targeted || won == 0 {
		t.Fatalf("targeted %d responded %d won %d, summary %+v", targeted, responded, won, sum)
	}
	if gains == 0 || undefined != 1 {
		t.Fatalf("ROI: %d gains, %d losses, %d undefined\n%v", gains, losses, undefined, a)
	}
	t.Logf("%d gains, %d losses, %d undefined; %+v", gains, losses, undefined, sum)
}
