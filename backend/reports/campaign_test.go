package reports

import (
	"reflect"
	"testing"

	"fieldbook/backend/crm"
)

func TestCampaignROI(t *testing.T) {
	f := newFixture(t)
	camp := func(name string, minor int64, cur, starts string) string {
		t.Helper()
		c := crm.Campaign{ID: f.id(), Version: 1, CreatedAt: f.now, UpdatedAt: f.now, CampaignFields: crm.CampaignFields{
			Name: name, Channel: "email", Cost: crm.Money{Minor: minor, Currency: cur}, StartsOn: starts, OwnerID: "o-ann"}}
		if err := f.db.CreateCampaign(f.ctx, c); err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	attribute := func(deal, campaign string) {
		t.Helper()
		if err := f.db.SetDealCampaign(f.ctx, deal, campaign); err != nil {
			t.Fatal(err)
		}
	}
	x := camp("Spring mailing", 10000, "EUR", "2026-02-01")
	camp("Free webinar", 0, "EUR", "2026-03-01")
	z := camp("London fair", 5000, "GBP", "2026-04-01") // no GBP rate
	w := camp("Autumn ads", 10000, "EUR", "2025-10-01") // before the range
	won, open := crm.DealWon, crm.DealOpen
	attribute(f.deal("o-ann", stQualified, won, 30000, "EUR", nil, "", "2026-02-01T10:00:00Z", "2026-02-11T10:00:00Z"), x)
	attribute(f.deal("o-bob", stQualified, won, 40000, "USD", nil, "", "2026-02-01T10:00:00Z", "2026-03-11T10:00:00Z"), x) // 200.00 EUR
	attribute(f.deal("o-bob", stQualified, open, 99900, "EUR", nil, "", "2026-02-01T10:00:00Z", ""), x)
	attribute(f.deal("o-bob", stQualified, won, 77700, "EUR", nil, "", "2026-04-01T10:00:00Z", "2026-04-11T10:00:00Z"), z)
	attribute(f.deal("o-bob", stQualified, won, 55500, "EUR", nil, "", "2025-10-01T10:00:00Z", "2025-10-11T10:00:00Z"), w)
	r := f.run("campaign_roi", Filters{Range: half})
	// Newest start first. Spring mailing: 3 deals, 2 won, 300.00 + 200.00 =
	// 500.00 for 100.00: ROI (500 − 100)/100 = 4 (400%). Free webinar: no
	// cost, no ROI. London fair: its GBP cost has no rate: no ROI, and the
	// total ROI is left out too (a partial cost would mislead).
	check(t, "campaigns", raws(r), [][]string{
		{"London fair", "1", "1", "0.00", "777.00", ""},
		{"Free webinar", "0", "0", "0.00", "0.00", ""},
		{"Spring mailing", "3", "2", "100.00", "500.00", "4.0000"},
		{"TOTAL", "4", "3", "100.00", "1277.00", ""},
	})
	if !reflect.DeepEqual(r.MissingRates, []string{"GBP"}) {
		t.Errorf("missing %v", r.MissingRates)
	}
	// Ann's campaigns are all of them; Bob has none.
	if r := f.run("campaign_roi", Filters{Range: half, OwnerID: "o-bob"}); len(r.Rows) != 0 {
		t.Errorf("bob's campaigns %q", raws(r))
	}
}
